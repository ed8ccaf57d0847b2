package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * Send anonymously, {@code anonymous}.
 *
 * @param ignore {@code 1} to send anyway when anonymity is impossible
 * @param extra  data keys not named here
 */
public record Anonymous(String ignore, JsonObject extra) implements Segment {

    public static final String TYPE = "anonymous";

    public Anonymous {
        extra = Check.extra(extra);
    }

    static Anonymous read(SegmentData data) {
        return new Anonymous(data.optional("ignore"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("ignore", ignore).build();
    }
}
