package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A JSON card, {@code json}. NapCat also accepts the card as a JSON object rather than text; it is
 * kept as its compact JSON text, which is what reaches QQ either way.
 *
 * @param json  the card's JSON text (written as {@code data}), required
 * @param extra data keys not named here (NapCat's {@code config} and others)
 */
public record JsonCard(String json, JsonObject extra) implements Segment {

    public static final String TYPE = "json";

    public JsonCard {
        Check.required(json, TYPE, "data");
        extra = Check.extra(extra);
    }

    static JsonCard read(SegmentData data) {
        String text = data.optionalJsonText("data");
        if (text == null || text.isEmpty()) {
            throw data.invalid("data", "is required");
        }
        return new JsonCard(text, data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("data", json).build();
    }
}
