package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A music share from a platform, {@code music} with {@code type} {@code qq}, {@code 163}, {@code
 * xm} or another platform NapCat knows. The {@code custom} form is {@link CustomMusic}.
 *
 * @param platform {@code qq}, {@code 163}, {@code xm}, ... (written as {@code type}), required
 * @param id       the song's id on that platform, required
 * @param extra    data keys not named here
 */
public record Music(String platform, String id, JsonObject extra) implements Segment {

    public static final String TYPE = "music";

    public Music {
        Check.required(platform, TYPE, "type");
        Check.required(id, TYPE, "id");
        extra = Check.extra(extra);
    }

    static Music read(SegmentData data) {
        return new Music(data.required("type"), data.required("id"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("type", platform).put("id", id).build();
    }
}
