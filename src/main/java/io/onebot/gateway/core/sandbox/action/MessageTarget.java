package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.protocol.event.MessageEvent;

/**
 * Where {@code send_msg} and {@code send_forward_msg} send: {@code message_type} decides when
 * present (a reply to a group message carries both ids); otherwise {@code group_id} means a group
 * and {@code user_id} a friend.
 *
 * @param messageType {@code group} or {@code private}
 * @param id          the group or the friend
 */
record MessageTarget(String messageType, long id) {

    static MessageTarget of(String messageType, Long userId, Long groupId) {
        String type = messageType;
        if (type == null) {
            type = groupId != null ? MessageEvent.GROUP : userId != null ? MessageEvent.PRIVATE : null;
        }
        if (type == null) {
            throw new InvalidParamsException("message_type", "is required when neither group_id nor user_id is given");
        }
        return switch (type) {
            case MessageEvent.GROUP -> new MessageTarget(type, require(groupId, "group_id"));
            case MessageEvent.PRIVATE -> new MessageTarget(type, require(userId, "user_id"));
            default -> throw new InvalidParamsException("message_type", "must be private or group, not '" + type + "'");
        };
    }

    boolean isGroup() {
        return MessageEvent.GROUP.equals(messageType);
    }

    private static long require(Long id, String name) {
        if (id == null) {
            throw new InvalidParamsException(name, "is required for this message_type");
        }
        return id;
    }
}
