package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * Plain text, {@code text}. The text is literal, never escaped; it may be empty.
 *
 * @param text  the text
 * @param extra data keys not named here
 */
public record Text(String text, JsonObject extra) implements Segment {

    public static final String TYPE = "text";

    public Text {
        Objects.requireNonNull(text, "text");
        extra = Check.extra(extra);
    }

    public Text(String text) {
        this(text, null);
    }

    static Text read(SegmentData data) {
        String text = data.optional("text");
        if (text == null) {
            throw data.invalid("text", "is required");
        }
        return new Text(text, data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("text", text).build();
    }
}
