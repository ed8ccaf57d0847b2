package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * Markdown, {@code markdown} (NapCat).
 *
 * @param content the markdown text, required
 * @param extra   data keys not named here
 */
public record Markdown(String content, JsonObject extra) implements Segment {

    public static final String TYPE = "markdown";

    public Markdown {
        Check.required(content, TYPE, "content");
        extra = Check.extra(extra);
    }

    static Markdown read(SegmentData data) {
        return new Markdown(data.required("content"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("content", content).build();
    }
}
