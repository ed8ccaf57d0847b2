package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.MessageIdResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/** {@code send_private_msg}: sends a message to a friend. */
@ApplicationScoped
public class SendPrivateMsg extends SandboxAction<SendPrivateMsg.Params, MessageIdResult> {

    /** The friend, the message (CQ string, segment or segments) and whether a string is literal text. */
    public record Params(@Required long userId, @Required JsonValue message, JsonValue autoEscape) {
    }

    @Inject
    SandboxCore core;

    public SendPrivateMsg() {
        super("send_private_msg", Params.class);
    }

    @Override
    public MessageIdResult handle(Params params, ActionContext context) {
        return new MessageIdResult(core.sendPrivate(params.userId(),
                OutgoingMessage.segments(params.message(), params.autoEscape())));
    }
}
