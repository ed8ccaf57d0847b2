package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.protocol.action.YesOrNo;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code can_send_image}: the sandbox can always send an image. */
@ApplicationScoped
public class CanSendImage extends SandboxAction<NoParams, YesOrNo> {

    public CanSendImage() {
        super("can_send_image", NoParams.class);
    }

    @Override
    public YesOrNo handle(NoParams params, ActionContext context) {
        return new YesOrNo(true);
    }
}
