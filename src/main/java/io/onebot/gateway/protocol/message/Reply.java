package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A reply to an earlier message, {@code reply}; it goes first in a message.
 *
 * @param id    the message id replied to, required
 * @param extra data keys not named here
 */
public record Reply(String id, JsonObject extra) implements Segment {

    public static final String TYPE = "reply";

    public Reply {
        Check.required(id, TYPE, "id");
        extra = Check.extra(extra);
    }

    static Reply read(SegmentData data) {
        return new Reply(data.required("id"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("id", id).build();
    }
}
