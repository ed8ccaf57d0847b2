package io.onebot.gateway.protocol.message;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One segment of a OneBot 11 message, such as a piece of text, a mention or an image: a segment
 * type name together with its parameters, kept as the JSON object that travels on the wire. For
 * now the parameters stay a generic {@link JsonObject}; a sealed hierarchy of typed segment
 * records is planned to take over from this generic data object later.
 *
 * @param type the segment type, for example {@code text}, {@code at} or {@code image}; never blank
 * @param data the segment parameters; an empty object when the segment has none, never {@code null}
 */
public record Segment(String type, JsonObject data) {

    /**
     * Checks the type and replaces a missing data object with an empty one.
     *
     * @throws IllegalArgumentException if {@code type} is {@code null} or blank
     */
    public Segment {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("segment type must be a non-empty string");
        }
        if (data == null) {
            data = JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /**
     * Creates a plain text segment, {@code {"type":"text","data":{"text":text}}}.
     *
     * @param text the literal text, not escaped in any way
     * @return the text segment
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public static Segment text(String text) {
        Objects.requireNonNull(text, "text");
        return new Segment("text", Json.createObjectBuilder().add("text", text).build());
    }

    /**
     * Renders this segment in its OneBot 11 array form, {@code {"type":...,"data":{...}}}.
     *
     * @return a new JSON object holding the type and the data
     */
    public JsonObject toJson() {
        return Json.createObjectBuilder().add("type", type).add("data", data).build();
    }
}
