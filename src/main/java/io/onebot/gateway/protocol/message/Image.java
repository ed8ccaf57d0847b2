package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * An image, {@code image}. Sending needs {@code file} (a name, path, URL or {@code base64://});
 * a received image carries {@code url}, so one of the two is required.
 *
 * @param file      the file to send or the received file name
 * @param imageType {@code flash} for a flash image (written as {@code type}), otherwise absent
 * @param url       where a received image can be downloaded
 * @param cache     whether a downloaded URL may be cached ({@code 0} or {@code 1})
 * @param proxy     whether to download through the proxy ({@code 0} or {@code 1})
 * @param timeout   download timeout in seconds
 * @param summary   NapCat's image summary text
 * @param subType   NapCat's image sub-type ({@code 0} normal, {@code 1} sticker)
 * @param extra     data keys not named here
 */
public record Image(String file, String imageType, String url, String cache, String proxy, String timeout,
                    String summary, String subType, JsonObject extra) implements Segment {

    public static final String TYPE = "image";

    public Image {
        if ((file == null || file.isEmpty()) && (url == null || url.isEmpty())) {
            throw new IllegalArgumentException("image.file is required");
        }
        extra = Check.extra(extra);
    }

    static Image read(SegmentData data) {
        String file = data.optional("file");
        String url = data.optional("url");
        if ((file == null || file.isEmpty()) && (url == null || url.isEmpty())) {
            throw data.invalid("file", "is required (or url)");
        }
        return new Image(file, data.optional("type"), url, data.optional("cache"), data.optional("proxy"),
                data.optional("timeout"), data.optional("summary"), data.optional("sub_type"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("file", file).put("type", imageType).put("url", url).put("cache", cache)
                .put("proxy", proxy).put("timeout", timeout).put("summary", summary).put("sub_type", subType)
                .build();
    }
}
