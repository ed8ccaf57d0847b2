package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A window shake, {@code shake}. It has no fields.
 *
 * @param extra data keys not named here
 */
public record Shake(JsonObject extra) implements Segment {

    public static final String TYPE = "shake";

    public Shake {
        extra = Check.extra(extra);
    }

    static Shake read(SegmentData data) {
        return new Shake(data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).build();
    }
}
