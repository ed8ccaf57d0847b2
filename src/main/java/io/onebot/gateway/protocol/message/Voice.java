package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A voice message, {@code record}. Sending needs {@code file}; a received one carries {@code url},
 * so one of the two is required. Named {@code Voice} because {@code Record} is taken by the
 * language.
 *
 * @param file    the file to send or the received file name
 * @param magic   {@code 1} for a voice changer effect
 * @param url     where a received voice message can be downloaded
 * @param cache   whether a downloaded URL may be cached
 * @param proxy   whether to download through the proxy
 * @param timeout download timeout in seconds
 * @param extra   data keys not named here
 */
public record Voice(String file, String magic, String url, String cache, String proxy, String timeout,
                    JsonObject extra) implements Segment {

    public static final String TYPE = "record";

    public Voice {
        if ((file == null || file.isEmpty()) && (url == null || url.isEmpty())) {
            throw new IllegalArgumentException(TYPE + ".file is required");
        }
        extra = Check.extra(extra);
    }

    static Voice read(SegmentData data) {
        String file = data.optional("file");
        String url = data.optional("url");
        if ((file == null || file.isEmpty()) && (url == null || url.isEmpty())) {
            throw data.invalid("file", "is required (or url)");
        }
        return new Voice(file, data.optional("magic"), url, data.optional("cache"), data.optional("proxy"),
                data.optional("timeout"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra)
                .put("file", file)
                .put("magic", magic)
                .put("url", url)
                .put("cache", cache)
                .put("proxy", proxy)
                .put("timeout", timeout)
                .build();
    }
}
