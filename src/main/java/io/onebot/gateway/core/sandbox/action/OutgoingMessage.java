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
        List<Segment> segments;
        try {
            segments = MessageValues.parse(message, MessageValues.autoEscape(autoEscape));
        } catch (IllegalArgumentException e) {
            throw new InvalidParamsException("message", "is invalid: " + e.getMessage());
        }
        if (segments.isEmpty()) {
            throw new InvalidParamsException("message", "is empty");
        }
        return segments;
    }
}
