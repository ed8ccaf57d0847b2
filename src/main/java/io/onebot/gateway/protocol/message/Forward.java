package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A merged forward, {@code forward}, as received; its messages are fetched with {@code
 * get_forward_msg}. NapCat may add the messages as {@code content}, kept in {@link #extra()}.
 *
 * @param id    the forward id, required
 * @param extra data keys not named here
 */
public record Forward(String id, JsonObject extra) implements Segment {

    public static final String TYPE = "forward";

    public Forward {
        Check.required(id, TYPE, "id");
        extra = Check.extra(extra);
    }

    static Forward read(SegmentData data) {
        return new Forward(data.required("id"), data.rest());
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
