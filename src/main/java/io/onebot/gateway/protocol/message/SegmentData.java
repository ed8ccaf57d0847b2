package io.onebot.gateway.protocol.message;

import io.onebot.gateway.protocol.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code data} object of one incoming segment, read field by field by the segment records.
 *
 * <p>It exists so that every segment type reads its fields the same way and reports a bad field
 * with the same wording and the segment's position, for example {@code message[2].data.qq is
 * required}. It also remembers which keys a record took, so that the rest can travel on unchanged
 * as the record's {@code extra} data: a client that sends a key this model does not know gets it
 * back. Values are normalised on the way in as NapCat reports them: numbers and booleans become
 * their text and null values count as absent.
 */
public final class SegmentData {

    private final String position;
    private final JsonObject given;
    private final JsonObject data;
    private final MessageReader nested;
    private final Set<String> taken = new HashSet<>();

    /**
     * @param position where the segment stands, such as {@code message[2]}, used in error messages
     * @param data     the segment's data object; {@code null} stands for an empty one
     * @param nested   reads a message nested inside a field, such as the {@code content} of a node
     */
    public SegmentData(String position, JsonObject data, MessageReader nested) {
        this.position = Objects.requireNonNull(position, "position");
        this.given = data == null ? JsonValue.EMPTY_JSON_OBJECT : data;
        this.data = normalise(given);
        this.nested = Objects.requireNonNull(nested, "nested");
    }

    /** Where the segment stands, such as {@code message[2]}. */
    public String position() {
        return position;
    }

    /** Whether the field is present (a null value counts as absent). */
    public boolean has(String key) {
        return data.containsKey(key);
    }

    /**
     * A field as text, or {@code null} when absent.
     *
     * @throws IllegalArgumentException if the value is an object or an array
     */
    public String optional(String key) {
        taken.add(key);
        JsonValue value = data.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw invalid(key, "must be a string or a number, not " + Describe.kind(value));
    }

    /**
     * A field that must be present and not empty.
     *
     * @throws IllegalArgumentException naming the field when it is missing, empty or not text
     */
    public String required(String key) {
        String value = optional(key);
        if (value == null || value.isEmpty()) {
            throw invalid(key, "is required");
        }
        return value;
    }

    /**
     * A field whose value may be JSON itself (the {@code data} of a {@code json} segment): an
     * object or array is taken as its compact JSON text.
     */
    public String optionalJsonText(String key) {
        JsonValue value = data.get(key);
        if (value != null && value.getValueType() != JsonValue.ValueType.STRING) {
            taken.add(key);
            return value.toString();
        }
        return optional(key);
    }

    /**
     * A field holding a whole message (a CQ string, a segment object or an array of them), or
     * {@code null} when absent. It is read as given, so a number here is an error rather than
     * text.
     *
     * @throws IllegalArgumentException when the nested message is invalid, with its position
     */
    public List<Segment> message(String key) {
        taken.add(key);
        JsonValue value = given.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null
                : nested.read(value, position + ".data." + key);
    }

    /** The fields no record has taken yet, to keep as its {@code extra} data. */
    public JsonObject rest() {
        JsonObjectBuilder rest = Jsonp.createObjectBuilder();
        data.forEach((key, value) -> {
            if (!taken.contains(key)) {
                rest.add(key, value);
            }
        });
        return rest.build();
    }

    /** The whole data object, for a segment type this model does not know. */
    public JsonObject all() {
        return data;
    }

    /** An error about one field, naming its full position. */
    public IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(position + ".data." + key + " " + problem);
    }

    /** Makes scalar values strings and drops null values; objects and arrays stay as they are. */
    private static JsonObject normalise(JsonObject data) {
        JsonObjectBuilder builder = Jsonp.createObjectBuilder();
        data.forEach((key, value) -> {
            switch (value.getValueType()) {
                case NULL -> { }
                case NUMBER, TRUE, FALSE -> builder.add(key, value.toString());
                default -> builder.add(key, value);
            }
        });
        return builder.build();
    }
}
