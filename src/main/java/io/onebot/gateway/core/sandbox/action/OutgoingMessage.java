package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.codec.MessageValues;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.JsonValue;
import java.util.List;

/** Reads the {@code message} and {@code auto_escape} parameters shared by the send actions. */
final class OutgoingMessage {

    private OutgoingMessage() {
    }

    /** The segments to send; a missing, malformed or empty message is a 1400 naming {@code message}. */
    static List<Segment> segments(JsonValue message, JsonValue autoEscape) {
        return segments(message, autoEscape, "message");
    }

    /** Like {@link #segments(JsonValue, JsonValue)}, for a message under another name, such as {@code operation.reply}. */
    static List<Segment> segments(JsonValue message, JsonValue autoEscape, String parameter) {
        List<Segment> segments;
        try {
            segments = MessageValues.parse(message, MessageValues.autoEscape(autoEscape));
        } catch (IllegalArgumentException e) {
            throw new InvalidParamsException(parameter, "is invalid: " + e.getMessage());
        }
        if (segments.isEmpty()) {
            throw new InvalidParamsException(parameter, "is empty");
        }
        return segments;
    }
}
