package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.protocol.message.Segment;
import java.util.List;
import java.util.Objects;

/**
 * A group message marked as essence (精华), with a copy of the message.
 *
 * @param senderTime   when the message was sent, Unix seconds
 * @param operatorTime when it was marked, Unix seconds
 * @param content      the message
 */
public record Essence(long groupId, int messageId, long senderId, String senderNick, long senderTime,
                      long operatorId, String operatorNick, long operatorTime, List<Segment> content) {

    public Essence {
        Objects.requireNonNull(senderNick, "senderNick");
        Objects.requireNonNull(operatorNick, "operatorNick");
        content = List.copyOf(content);
    }
}
