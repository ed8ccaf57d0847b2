package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A forward node that points at a stored message, {@code node} with {@code id}. A node that carries
 * its own content is {@link CustomNode}.
 *
 * @param id    the message id to forward, required
 * @param extra data keys not named here
 */
public record Node(String id, JsonObject extra) implements Segment {

    public static final String TYPE = "node";

    public Node {
        Check.required(id, TYPE, "id");
        extra = Check.extra(extra);
    }

    static Node read(SegmentData data) {
        return new Node(data.required("id"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("id", id).build();
    }
}
