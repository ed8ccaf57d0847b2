package io.onebot.gateway.codec;

import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.event.GenericEvent;
import io.onebot.gateway.protocol.event.HeartbeatEvent;
import io.onebot.gateway.protocol.event.LifecycleEvent;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.event.OneBotEvent;
import io.onebot.gateway.protocol.event.Sender;
import io.onebot.gateway.protocol.message.MessageFormat;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Writes events as the JSON text a client receives. Only message events depend on the format:
 * in {@link MessageFormat#STRING} their {@code message} is the CQ-code string; {@code raw_message}
 * is the CQ string in both. A relayed event ({@link GenericEvent}) is written as it came, except
 * that a message it carries is put in the client's format.
 */
public final class EventEncoder {

    private static final String MESSAGE = "message";
    private static final String MESSAGE_SENT = "message_sent";

    private EventEncoder() {
    }

    /**
     * Whether the event's text differs between the two message formats: a message event, or a
     * relayed event carrying a message.
     */
    public static boolean dependsOnFormat(OneBotEvent event) {
        return event instanceof MessageEvent
                || event instanceof GenericEvent generic && carriesMessage(generic);
    }

    /** Whether the event is a message the account sent itself, which only some clients want. */
    public static boolean isSelfMessage(OneBotEvent event) {
        return event instanceof MessageEvent message ? message.self()
                : event instanceof GenericEvent generic && MESSAGE_SENT.equals(generic.postType());
    }

    private static boolean carriesMessage(GenericEvent event) {
        String postType = event.postType();
        return (MESSAGE.equals(postType) || MESSAGE_SENT.equals(postType)) && event.body().containsKey(MESSAGE);
    }

    /** The event as one JSON text, with messages in the given format. */
    public static String encode(OneBotEvent event, MessageFormat format) {
        return toJson(event, format).toString();
    }

    /** The event as a JSON object, with messages in the given format. */
    public static JsonObject toJson(OneBotEvent event, MessageFormat format) {
        if (event instanceof MessageEvent e) {
            return message(e, format);
        }
        if (event instanceof GenericEvent e) {
            return carriesMessage(e) ? MessageForms.withMessage(e.body(), format) : e.body();
        }
        if (event instanceof HeartbeatEvent e) {
            return header(e)
                    .add("meta_event_type", "heartbeat")
                    .add("status", Jsonp.createObjectBuilder()
                            .add("online", e.status().online())
                            .add("good", e.status().good()))
                    .add("interval", e.interval())
                    .build();
        }
        LifecycleEvent e = (LifecycleEvent) event;
        return header(e)
                .add("meta_event_type", "lifecycle")
                .add("sub_type", e.subType())
                .build();
    }

    private static JsonObjectBuilder header(OneBotEvent event) {
        return Jsonp.createObjectBuilder()
                .add("time", event.time())
                .add("self_id", event.selfId())
                .add("post_type", event.postType());
    }

    private static JsonObject message(MessageEvent e, MessageFormat format) {
        String raw = CqCode.rawMessage(e.message());
        JsonObjectBuilder json = header(e)
                .add("message_type", e.messageType())
                .add("sub_type", e.subType())
                .add("message_id", e.messageId())
                .add("message_seq", e.messageId())
                .add("real_id", e.messageId())
                .add("user_id", e.userId());
        if (e.groupId() != null) {
            json.add("group_id", e.groupId());
        }
        if (e.groupName() != null) {
            json.add("group_name", e.groupName());
        }
        if (e.isGroup() && !e.extra().containsKey("anonymous")) {
            json.addNull("anonymous");
        }
        if (e.targetId() != null) {
            json.add("target_id", e.targetId());
        }
        if (e.self()) {
            json.add("message_sent_type", "self");
        }
        json.add("sender", sender(e.sender()))
                .add("message", format == MessageFormat.STRING ? Jsonp.createValue(raw) : Segment.array(e.message()))
                .add("message_format", format.wireName())
                .add("raw_message", raw)
                .add("font", e.font());
        for (Map.Entry<String, JsonValue> field : e.extra().entrySet()) {
            json.add(field.getKey(), field.getValue());
        }
        return json.build();
    }

    private static JsonObjectBuilder sender(Sender sender) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("user_id", sender.userId())
                .add("nickname", orEmpty(sender.nickname()))
                .add("sex", sender.sex() == null ? "unknown" : sender.sex())
                .add("age", sender.age());
        if (sender.inGroup()) {
            json.add("card", sender.card())
                    .add("area", orEmpty(sender.area()))
                    .add("level", orEmpty(sender.level()))
                    .add("role", sender.role() == null ? "member" : sender.role())
                    .add("title", orEmpty(sender.title()));
        }
        return json;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
