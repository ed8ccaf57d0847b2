package io.onebot.gateway.protocol.message;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * Reads a whole message value: a CQ code string, one segment object or an array of them. The
 * segment records need it for messages nested inside a segment (a forward node's
 * {@code content}), but the CQ code syntax belongs to the codec layer, so the codec hands its
 * reader in rather than this package depending on it.
 */
@FunctionalInterface
public interface MessageReader {

    /**
     * @param message  the value to read
     * @param position where it stands, such as {@code message[0].data.content}, for error messages
     * @return the segments, possibly none
     * @throws IllegalArgumentException if the value is not a valid message, naming the position
     */
    List<Segment> read(JsonValue message, String position);
}
