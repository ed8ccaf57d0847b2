package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * Rock-paper-scissors, {@code rps}. Sent without data; NapCat reports the {@code result}.
 *
 * @param result the outcome NapCat reports, or {@code null}
 * @param extra  data keys not named here
 */
public record Rps(String result, JsonObject extra) implements Segment {

    public static final String TYPE = "rps";

    public Rps {
        extra = Check.extra(extra);
    }

    static Rps read(SegmentData data) {
        return new Rps(data.optional("result"), data.rest());
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
