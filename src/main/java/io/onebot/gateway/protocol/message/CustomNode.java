package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A forward node that carries its own message, {@code node} with {@code content}, as used to
 * build a merged forward from scratch. The content is a whole message; in the array form it is
 * written as a segment array, and in the CQ code form the codec writes it as a nested CQ string.
 *
 * @param userId   the account shown as the sender
 * @param nickname the name shown as the sender
 * @param content  the node's message, required and not empty
 * @param extra    data keys not named here (go-cqhttp's {@code uin} and {@code name}, NapCat's
 *                 {@code news}, {@code summary} and others)
 */
public record CustomNode(String userId, String nickname, List<Segment> content, JsonObject extra)
        implements Segment {

    public CustomNode {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("node.content is required");
        }
        content = List.copyOf(content);
        extra = Check.extra(extra);
    }

    static CustomNode read(SegmentData data) {
        List<Segment> content = data.message("content");
        if (content == null || content.isEmpty()) {
            throw data.invalid("content", "must not be empty");
        }
        return new CustomNode(data.optional("user_id"), data.optional("nickname"), content, data.rest());
    }

    @Override
    public String type() {
        return Node.TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("user_id", userId).put("nickname", nickname)
                .put("content", Segment.array(content)).build();
    }
}
