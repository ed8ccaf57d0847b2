package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The parameters and the answer shared by {@code get_group_msg_history} and
 * {@code get_friend_msg_history}: {@code count} (default 20) messages ending at
 * {@code message_seq} (a message id; absent or 0 means the latest), oldest first, or newest first
 * with {@code reverse_order} (NapCat's {@code reverseOrder}); each shaped like its message event,
 * in the caller's format.
 */
final class History {

    static final int DEFAULT_COUNT = 20;

    private History() {
    }

    static int count(Integer count) {
        if (count == null) {
            return DEFAULT_COUNT;
        }
        if (count < 1) {
            throw new InvalidParamsException("count", "must be at least 1, not " + count);
        }
        return count;
    }

    /** The anchor message id, or null for the latest messages; NapCat treats 0 as absent. */
    static Integer anchor(Integer messageSeq) {
        return messageSeq == null || messageSeq == 0 ? null : messageSeq;
    }

    static JsonObject answer(List<MessageEvent> oldestFirst, Boolean reverseOrder, MessageFormat format) {
        boolean reverse = reverseOrder != null && reverseOrder;
        JsonArrayBuilder messages = Jsonp.createArrayBuilder();
        for (int i = 0; i < oldestFirst.size(); i++) {
            messages.add(EventEncoder.toJson(oldestFirst.get(reverse ? oldestFirst.size() - 1 - i : i), format));
        }
        return Jsonp.createObjectBuilder().add("messages", messages).build();
    }
}
