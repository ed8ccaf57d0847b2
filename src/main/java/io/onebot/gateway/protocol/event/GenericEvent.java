package io.onebot.gateway.protocol.event;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * Any event the gateway does not model field by field (notices, requests, other meta events),
 * carried as its complete JSON object. Its body always holds {@code time}, {@code self_id} and
 * {@code post_type}.
 */
public record GenericEvent(JsonObject body) implements OneBotEvent {

    public GenericEvent {
        Objects.requireNonNull(body, "body");
        if (!(body.get("time") instanceof JsonNumber) || !(body.get("self_id") instanceof JsonNumber)
                || body.getString("post_type", null) == null) {
            throw new IllegalArgumentException("an event needs numeric time and self_id and a string post_type");
        }
    }

    @Override
    public long time() {
        return body.getJsonNumber("time").longValue();
    }

    @Override
    public long selfId() {
        return body.getJsonNumber("self_id").longValue();
    }

    @Override
    public String postType() {
        return body.getString("post_type");
    }
}
