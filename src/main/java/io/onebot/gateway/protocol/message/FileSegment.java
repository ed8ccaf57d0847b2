package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A file, {@code file} (NapCat). Sending needs {@code file}; a received one carries {@code url}, so
 * one of the two is required.
 *
 * @param file  the file to send or the received file name
 * @param name  the name shown to the receiver
 * @param path  a local path
 * @param url   where a received file can be downloaded
 * @param extra data keys not named here
 */
public record FileSegment(String file, String name, String path, String url, JsonObject extra) implements Segment {

    public static final String TYPE = "file";

    public FileSegment {
        if ((file == null || file.isEmpty()) && (url == null || url.isEmpty())) {
            throw new IllegalArgumentException(TYPE + ".file is required");
        }
        extra = Check.extra(extra);
    }

    static FileSegment read(SegmentData data) {
        String file = data.optional("file");
        String url = data.optional("url");
        if ((file == null || file.isEmpty()) && (url == null || url.isEmpty())) {
            throw data.invalid("file", "is required (or url)");
        }
        return new FileSegment(file, data.optional("name"), data.optional("path"), url, data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("file", file).put("name", name).put("path", path).put("url", url).build();
    }
}
