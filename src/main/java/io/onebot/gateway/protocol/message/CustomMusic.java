package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A music share with its own link and audio, {@code music} with {@code type} {@code custom}.
 *
 * @param url     where a click leads, required
 * @param audio   the audio URL
 * @param title   the title
 * @param content a short description
 * @param image   a cover image URL
 * @param extra   data keys not named here
 */
public record CustomMusic(String url, String audio, String title, String content, String image, JsonObject extra)
        implements Segment {

    /** The {@code type} value inside the data that marks this form. */
    public static final String CUSTOM = "custom";

    public CustomMusic {
        Check.required(url, Music.TYPE, "url");
        extra = Check.extra(extra);
    }

    static CustomMusic read(SegmentData data) {
        data.optional("type"); // always "custom" here: taken so that it is not kept as extra data
        return new CustomMusic(data.required("url"), data.optional("audio"), data.optional("title"),
                data.optional("content"), data.optional("image"), data.rest());
    }

    @Override
    public String type() {
        return Music.TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("type", CUSTOM).put("url", url).put("audio", audio).put("title", title)
                .put("content", content).put("image", image).build();
    }
}
