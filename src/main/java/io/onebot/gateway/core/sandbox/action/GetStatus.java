package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.StatusInfo;
import io.onebot.gateway.protocol.event.BotStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/** {@code get_status}: whether the account is online and healthy. */
@ApplicationScoped
public class GetStatus extends SandboxAction<NoParams, StatusInfo> {

    @Inject
    SandboxCore core;

    public GetStatus() {
        super("get_status", NoParams.class);
    }

    @Override
    public StatusInfo handle(NoParams params, ActionContext context) {
        BotStatus status = core.status();
        return new StatusInfo(status.online(), status.good(), JsonValue.EMPTY_JSON_OBJECT);
    }
}
