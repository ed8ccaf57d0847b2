package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.codec.MessageValues;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.sandbox.Forwarded;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Person;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.message.CustomNode;
import io.onebot.gateway.protocol.message.Forward;
import io.onebot.gateway.protocol.message.Node;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code messages} of the forward-sending actions: node segments only, each either
 * pointing at a stored message ({@code id}) or carrying its own ({@code user_id}, {@code nickname},
 * {@code content}; go-cqhttp's {@code uin} and {@code name} are read too). A custom node whose
 * content is itself made of nodes becomes a nested forward, stored on its own and shown as a
 * {@code forward} segment, as QQ nests them (at most three levels deep).
 */
final class ForwardNodes {

    private static final String PARAMETER = "messages";
    private static final int MAX_DEPTH = 3;

    private ForwardNodes() {
    }

    /**
     * The forward to send to {@code target}. Bad input is a 1400 naming the node; a node pointing
     * at a message that is not stored fails (1200). Nothing is stored before all nodes are read,
     * except the nested forwards of custom nodes.
     */
    static Forwarded read(SandboxCore core, JsonValue messages, MessageTarget target) {
        List<Segment> segments;
        try {
            segments = MessageValues.read(messages, PARAMETER);
        } catch (IllegalArgumentException e) {
            throw new InvalidParamsException(PARAMETER, "is invalid: " + e.getMessage());
        }
        return forward(core, segments, target, PARAMETER, 1);
    }

    private static Forwarded forward(SandboxCore core, List<Segment> segments, MessageTarget target, String position,
                                     int depth) {
        if (segments.isEmpty()) {
            throw new InvalidParamsException(PARAMETER, "has no nodes at " + position);
        }
        List<Forwarded.Node> nodes = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            String at = position + "[" + i + "]";
            Segment segment = segments.get(i);
            if (segment instanceof Node node) {
                nodes.add(stored(core, node, at));
            } else if (segment instanceof CustomNode custom) {
                nodes.add(custom(core, custom, target, at, depth));
            } else {
                throw new InvalidParamsException(PARAMETER, "may hold only node segments, but " + at + " is a "
                        + segment.type() + " segment");
            }
        }
        return new Forwarded(target.messageType(), target.isGroup() ? target.id() : null, nodes);
    }

    private static Forwarded.Node stored(SandboxCore core, Node node, String at) {
        int id;
        try {
            id = Integer.parseInt(node.id().trim());
        } catch (NumberFormatException e) {
            throw new InvalidParamsException(PARAMETER, at + ".data.id must be a message id, not '" + node.id() + "'");
        }
        MessageEvent message = core.message(id);
        return new Forwarded.Node(id, message.userId(), message.sender().nickname(), message.time(), message.message());
    }

    private static Forwarded.Node custom(SandboxCore core, CustomNode node, MessageTarget target, String at, int depth) {
        String userText = node.userId() != null ? node.userId() : text(node, "uin");
        long userId;
        try {
            userId = userText == null ? core.selfId() : Long.parseLong(userText.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParamsException(PARAMETER, at + ".data.user_id must be a QQ number, not '" + userText + "'");
        }
        String nickname = node.nickname() != null ? node.nickname() : text(node, "name");
        if (nickname == null) {
            nickname = core.world().person(userId).map(Person::nickname).orElse(Long.toString(userId));
        }
        List<Segment> content = node.content();
        long nested = content.stream().filter(s -> s instanceof Node || s instanceof CustomNode).count();
        if (nested > 0) {
            if (nested != content.size()) {
                throw new InvalidParamsException(PARAMETER, at + ".data.content mixes nodes with other segments");
            }
            if (depth >= MAX_DEPTH) {
                throw new InvalidParamsException(PARAMETER, at + " nests forwards more than " + MAX_DEPTH + " levels deep");
            }
            String resId = core.storeForward(forward(core, content, target, at + ".data.content", depth + 1));
            content = List.of(new Forward(resId, null));
        }
        return new Forwarded.Node(core.nextMessageId(), userId, nickname, core.now(), content);
    }

    private static String text(CustomNode node, String key) {
        JsonValue value = node.extra().get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
