package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.MessageIdResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/**
 * {@code send_msg}: sends to a group or a friend. {@code message_type} decides when present (a
 * reply to a group message carries both ids); otherwise {@code group_id} means a group and
 * {@code user_id} a friend.
 */
@ApplicationScoped
public class SendMsg extends SandboxAction<SendMsg.Params, MessageIdResult> {

    /** The target (by type and ids), the message and whether a string is literal text. */
    public record Params(String messageType, Long userId, Long groupId, @Required JsonValue message,
                         JsonValue autoEscape) {
    }

    @Inject
    SandboxCore core;

    public SendMsg() {
        super("send_msg", Params.class);
    }

    @Override
    public MessageIdResult handle(Params params, ActionContext context) {
        MessageTarget target = MessageTarget.of(params.messageType(), params.userId(), params.groupId());
        var segments = OutgoingMessage.segments(params.message(), params.autoEscape());
        return new MessageIdResult(target.isGroup() ? core.sendGroup(target.id(), segments)
                : core.sendPrivate(target.id(), segments));
    }
}
