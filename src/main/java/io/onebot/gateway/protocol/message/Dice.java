package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A dice throw, {@code dice}. Sent without data; NapCat reports the {@code result}.
 *
 * @param result the number thrown, or {@code null}
 * @param extra  data keys not named here
 */
public record Dice(String result, JsonObject extra) implements Segment {

    public static final String TYPE = "dice";

    public Dice {
        extra = Check.extra(extra);
    }

    static Dice read(SegmentData data) {
        return new Dice(data.optional("result"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("result", result).build();
    }
}
