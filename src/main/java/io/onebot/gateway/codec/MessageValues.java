package io.onebot.gateway.codec;

import io.onebot.gateway.protocol.message.Segment;
import io.onebot.gateway.protocol.message.SegmentData;
import io.onebot.gateway.protocol.message.Text;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the {@code message} parameter of OneBot 11 API calls into typed segments. The parameter
 * may be a CQ code string, a single segment object or an array of segment objects, and so may a
 * message nested in a segment (the {@code content} of a forward node). Every error is an
 * {@link IllegalArgumentException} whose text starts with the offending position, such as
 * {@code message[2].data.qq is required}, so that an action can pass it on as a 1400 as it is.
 */
public final class MessageValues {

    private static final String ROOT = "message";

    private MessageValues() {
    }

    /**
     * Reads a {@code message} parameter.
     *
     * <p>A string is decoded as CQ code, or taken as one literal text segment when
     * {@code autoEscape} is set; an empty string gives no segments either way. A segment object
     * gives one segment and an array gives one segment per element, possibly none. Each segment
     * object needs a string {@code type}; its {@code data} may be missing or null (meaning empty)
     * but otherwise must be an object, and a known type must have its required fields. Members
     * of the segment object other than {@code type} and {@code data} are ignored.
     *
     * @param message    the parameter value; {@code null} and JSON null are rejected
     * @param autoEscape whether a string is literal text rather than CQ code
     * @return the segments, unmodifiable
     * @throws IllegalArgumentException if the value is missing or not a valid message, with a
     *                                  message naming the offending position
     */
    public static List<Segment> parse(JsonValue message, boolean autoEscape) {
        if (message == null || message.getValueType() == JsonValue.ValueType.NULL) {
            throw new IllegalArgumentException(ROOT + " is required");
        }
        if (autoEscape && message instanceof JsonString text) {
            return text.getString().isEmpty() ? List.of() : List.of(new Text(text.getString()));
        }
        return read(message, ROOT);
    }

    /**
     * Reads a message value found at {@code position}, strings always as CQ code. This is the
     * {@link io.onebot.gateway.protocol.message.MessageReader} for messages nested in segments.
     *
     * @param message  the value, not {@code null}
     * @param position where it stands, such as {@code message[0].data.content}
     * @return the segments, unmodifiable
     * @throws IllegalArgumentException if the value is not a valid message, naming the position
     */
    public static List<Segment> read(JsonValue message, String position) {
        return switch (message.getValueType()) {
            case STRING -> CqCode.decode(((JsonString) message).getString(), position);
            case OBJECT -> List.of(parseSegment(message.asJsonObject(), position));
            case ARRAY -> parseArray(message.asJsonArray(), position);
            default -> throw new IllegalArgumentException(position
                    + " must be a string, a segment object or an array of segments, not " + describe(message));
        };
    }

    /**
     * Reads an {@code auto_escape} parameter leniently (see {@link Lenient#bool}): JSON
     * {@code true}, {@code "true"} in any letter case, {@code "1"} and the number 1 count as set.
     *
     * @param value the parameter value, possibly {@code null} when absent
     * @return whether auto escape is requested; {@code false} for anything else
     */
    public static boolean autoEscape(JsonValue value) {
        return Lenient.bool(value).orElse(false);
    }

    private static List<Segment> parseArray(JsonArray array, String position) {
        List<Segment> segments = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = position + "[" + i + "]";
            JsonValue element = array.get(i);
            if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException(at + " must be a segment object, not " + describe(element));
            }
            segments.add(parseSegment(element.asJsonObject(), at));
        }
        return Collections.unmodifiableList(segments);
    }

    private static Segment parseSegment(JsonObject object, String position) {
        if (!(object.get("type") instanceof JsonString type) || type.getString().isBlank()) {
            throw new IllegalArgumentException(position + ".type must be a non-empty string");
        }
        JsonValue data = object.getOrDefault("data", JsonValue.NULL);
        return switch (data.getValueType()) {
            case NULL -> Segment.read(type.getString(), new SegmentData(position, null, MessageValues::read));
            case OBJECT -> Segment.read(type.getString(),
                    new SegmentData(position, data.asJsonObject(), MessageValues::read));
            default -> throw new IllegalArgumentException(
                    position + ".data must be an object, not " + describe(data));
        };
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
