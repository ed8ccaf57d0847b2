package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.protocol.action.YesOrNo;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code can_send_record}: the sandbox can always send a voice record. */
@ApplicationScoped
public class CanSendRecord extends SandboxAction<NoParams, YesOrNo> {

    public CanSendRecord() {
        super("can_send_record", NoParams.class);
    }

    @Override
    public YesOrNo handle(NoParams params, ActionContext context) {
        return new YesOrNo(true);
    }
}
