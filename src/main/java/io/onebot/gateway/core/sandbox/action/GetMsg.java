package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * {@code get_msg}: a message the account sent or received, as its event object, with the message
 * in the calling connection's format.
 */
@ApplicationScoped
public class GetMsg extends SandboxAction<GetMsg.Params, JsonObject> {

    /** The message's id. */
    public record Params(@Required int messageId) {
    }

    @Inject
    SandboxCore core;

    public GetMsg() {
        super("get_msg", Params.class);
    }

    @Override
    public JsonObject handle(Params params, ActionContext context) {
        return EventEncoder.toJson(core.message(params.messageId()), context.messageFormat());
    }
}
