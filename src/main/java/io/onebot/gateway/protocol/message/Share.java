package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A link share, {@code share}.
 *
 * @param url     the link, required
 * @param title   the title, required
 * @param content a short description
 * @param image   a cover image URL
 * @param extra   data keys not named here
 */
public record Share(String url, String title, String content, String image, JsonObject extra) implements Segment {

    public static final String TYPE = "share";

    public Share {
        Check.required(url, TYPE, "url");
        Check.required(title, TYPE, "title");
        extra = Check.extra(extra);
    }

    static Share read(SegmentData data) {
        return new Share(data.required("url"), data.required("title"), data.optional("content"),
                data.optional("image"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra)
                .put("url", url)
                .put("title", title)
                .put("content", content)
                .put("image", image)
                .build();
    }
}
