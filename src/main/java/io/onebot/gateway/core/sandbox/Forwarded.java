package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.protocol.message.Segment;
import java.util.List;
import java.util.Objects;

/**
 * The content of a merged forward the account sent.
 *
 * @param messageType {@code group} or {@code private}: where the forward was sent
 * @param groupId     the group it was sent to, or null
 * @param nodes       the forwarded messages in order
 */
public record Forwarded(String messageType, Long groupId, List<Forwarded.Node> nodes) {

    public Forwarded {
        Objects.requireNonNull(messageType, "messageType");
        nodes = List.copyOf(nodes);
    }

    /**
     * One forwarded message.
     *
     * @param messageId the original message's id, or a fresh id that only names the node
     * @param userId    who is shown as its sender
     * @param nickname  the name shown for the sender
     * @param time      when it was sent, Unix seconds
     * @param content   the message
     */
    public record Node(int messageId, long userId, String nickname, long time, List<Segment> content) {

        public Node {
            Objects.requireNonNull(nickname, "nickname");
            content = List.copyOf(content);
        }
    }
}
