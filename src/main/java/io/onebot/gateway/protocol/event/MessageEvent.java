package io.onebot.gateway.protocol.event;

import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A private or group message, received by the bot or sent by it.
 *
 * <p>The segments are the message's single source; its CQ-code form ({@code raw_message}, and
 * {@code message} in string format) is derived when the event is written.
 *
 * @param self        whether the bot account sent it ({@code post_type:"message_sent"})
 * @param messageType {@code private} or {@code group}
 * @param subType     {@code friend}, {@code group} or {@code normal}, as OneBot 11 defines
 * @param groupId     the group, or null for a private message
 * @param groupName   the group's name, or null
 * @param targetId    the peer of a private message or of a self-sent message, or null
 * @param extra       fields this model does not name (kept from an injected event), never null
 */
public record MessageEvent(
        long time,
        long selfId,
        boolean self,
        String messageType,
        String subType,
        int messageId,
        long userId,
        Long groupId,
        String groupName,
        Long targetId,
        Sender sender,
        List<Segment> message,
        int font,
        JsonObject extra) implements OneBotEvent {

    public static final String PRIVATE = "private";
    public static final String GROUP = "group";

    public MessageEvent {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(subType, "subType");
        Objects.requireNonNull(sender, "sender");
        message = List.copyOf(message);
        extra = extra == null ? JsonValue.EMPTY_JSON_OBJECT : extra;
    }

    @Override
    public String postType() {
        return self ? "message_sent" : "message";
    }

    /** Whether this is a group message. */
    public boolean isGroup() {
        return GROUP.equals(messageType);
    }
}
