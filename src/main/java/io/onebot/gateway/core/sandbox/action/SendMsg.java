package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.MessageIdResult;
import io.onebot.gateway.protocol.event.MessageEvent;
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
        String type = params.messageType();
        if (type == null) {
            type = params.groupId() != null ? MessageEvent.GROUP : params.userId() != null ? MessageEvent.PRIVATE : null;
        }
        if (type == null) {
            throw new InvalidParamsException("message_type", "is required when neither group_id nor user_id is given");
        }
        var segments = OutgoingMessage.segments(params.message(), params.autoEscape());
        return switch (type) {
            case MessageEvent.GROUP -> new MessageIdResult(core.sendGroup(require(params.groupId(), "group_id"), segments));
            case MessageEvent.PRIVATE -> new MessageIdResult(core.sendPrivate(require(params.userId(), "user_id"), segments));
            default -> throw new InvalidParamsException("message_type", "must be private or group, not '" + type + "'");
        };
    }

    private static long require(Long id, String name) {
        if (id == null) {
            throw new InvalidParamsException(name, "is required for this message_type");
        }
        return id;
    }
}
