package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A built-in QQ face, {@code face}.
 *
 * @param id    the face id, required
 * @param extra data keys not named here (NapCat's {@code resultId}, {@code chainCount} and others)
 */
public record Face(String id, JsonObject extra) implements Segment {

    public static final String TYPE = "face";

    public Face {
        Check.required(id, TYPE, "id");
        extra = Check.extra(extra);
    }

    static Face read(SegmentData data) {
        return new Face(data.required("id"), data.rest());
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
