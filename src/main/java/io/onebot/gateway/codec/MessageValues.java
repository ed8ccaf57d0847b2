package io.onebot.gateway.codec;

import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the {@code message} parameter of OneBot 11 API calls into segments. The parameter may be
 * a CQ code string, a single segment object or an array of segment objects; scalar data values
 * are normalised to strings the way NapCat reports them in events.
 */
public final class MessageValues {

    private static final String NAME = "message";

    private MessageValues() {
    }

    /**
     * Reads a {@code message} parameter.
     *
     * <p>A string is decoded as CQ code, or taken as one literal text segment when
     * {@code autoEscape} is set; an empty string gives no segments either way. A segment object
     * gives one segment and an array gives one segment per element, possibly none. In the data of
     * a segment object, numbers and booleans become their text, null values are dropped, and
     * strings, objects and arrays are kept as they are; missing or null data becomes empty.
     *
     * @param message    the parameter value; {@code null} and JSON null are rejected
     * @param autoEscape whether a string is literal text rather than CQ code
     * @return the segments, unmodifiable
     * @throws IllegalArgumentException if the value is missing or not a valid message, with a
     *                                  message naming the offending position
     */
    public static List<Segment> parse(JsonValue message, boolean autoEscape) {
        if (message == null || message.getValueType() == JsonValue.ValueType.NULL) {
            throw new IllegalArgumentException("message is required");
        }
        return switch (message.getValueType()) {
            case STRING -> parseString(((JsonString) message).getString(), autoEscape);
            case OBJECT -> List.of(parseSegment(message.asJsonObject(), NAME));
            case ARRAY -> parseArray(message.asJsonArray());
            default -> throw new IllegalArgumentException(
                    "message must be a string, a segment object or an array of segments, not "
                            + describe(message));
        };
    }

    /**
     * Reads an {@code auto_escape} parameter leniently: JSON {@code true}, the string
     * {@code "true"} in any letter case and the number 1 count as set.
     *
     * @param value the parameter value, possibly {@code null} when absent
     * @return whether auto escape is requested; {@code false} for anything else
     */
    public static boolean autoEscape(JsonValue value) {
        if (value == null) {
            return false;
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case STRING -> "true".equalsIgnoreCase(((JsonString) value).getString());
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().compareTo(BigDecimal.ONE) == 0;
            default -> false;
        };
    }

    private static List<Segment> parseString(String message, boolean autoEscape) {
        if (message.isEmpty()) {
            return List.of();
        }
        return autoEscape ? List.of(Segment.text(message)) : CqCode.decode(message);
    }

    private static List<Segment> parseArray(JsonArray array) {
        List<Segment> segments = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String position = NAME + "[" + i + "]";
            JsonValue element = array.get(i);
            if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException(
                        position + " must be a segment object, not " + describe(element));
            }
            segments.add(parseSegment(element.asJsonObject(), position));
        }
        return Collections.unmodifiableList(segments);
    }

    private static Segment parseSegment(JsonObject object, String position) {
        if (!(object.get("type") instanceof JsonString type) || type.getString().isBlank()) {
            throw new IllegalArgumentException(position + ".type must be a non-empty string");
        }
        JsonValue data = object.getOrDefault("data", JsonValue.NULL);
        return switch (data.getValueType()) {
            case NULL -> new Segment(type.getString(), JsonValue.EMPTY_JSON_OBJECT);
            case OBJECT -> new Segment(type.getString(), normalise(data.asJsonObject()));
            default -> throw new IllegalArgumentException(
                    position + ".data must be an object, not " + describe(data));
        };
    }

    /** Makes scalar values strings as NapCat emits them and drops null values. */
    private static JsonObject normalise(JsonObject data) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        data.forEach((key, value) -> {
            switch (value.getValueType()) {
                case NULL -> { }
                case NUMBER, TRUE, FALSE -> builder.add(key, value.toString());
                default -> builder.add(key, value);
            }
        });
        return builder.build();
    }

    /** Names the JSON kind of a value for error messages, such as "a number" or "an array". */
    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
        };
    }
}
