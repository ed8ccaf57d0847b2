package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A short video, {@code video}. Sending needs {@code file}; a received one carries {@code url}, so
 * one of the two is required.
 *
 * @param file    the file to send or the received file name
 * @param url     where a received video can be downloaded
 * @param cache   whether a downloaded URL may be cached
 * @param proxy   whether to download through the proxy
 * @param timeout download timeout in seconds
 * @param thumb   NapCat's cover image
 * @param extra   data keys not named here
 */
public record Video(String file, String url, String cache, String proxy, String timeout, String thumb,
                    JsonObject extra) implements Segment {

    public static final String TYPE = "video";

    public Video {
        if ((file == null || file.isEmpty()) && (url == null || url.isEmpty())) {
            throw new IllegalArgumentException(TYPE + ".file is required");
        }
        extra = Check.extra(extra);
    }

    static Video read(SegmentData data) {
        String file = data.optional("file");
        String url = data.optional("url");
        if ((file == null || file.isEmpty()) && (url == null || url.isEmpty())) {
            throw data.invalid("file", "is required (or url)");
        }
        return new Video(file, url, data.optional("cache"), data.optional("proxy"), data.optional("timeout"),
                data.optional("thumb"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra)
                .put("file", file)
                .put("url", url)
                .put("cache", cache)
                .put("proxy", proxy)
                .put("timeout", timeout)
                .put("thumb", thumb)
                .build();
    }
}
