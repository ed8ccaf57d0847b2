package io.onebot.gateway.core.upstream;

import io.onebot.gateway.codec.MessageForms;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Puts the messages inside relayed answers in the asking client's format: {@code get_msg}'s
 * message, and every message of the history and forward answers. Everything else in an answer is
 * passed on as the upstream wrote it.
 */
final class AnswerForms {

    /** Actions whose {@code data} is one message holder. */
    private static final Set<String> ONE_MESSAGE = Set.of("get_msg");
    /** Actions whose {@code data.messages} is a list of message holders. */
    private static final Set<String> MESSAGE_LISTS = Set.of("get_group_msg_history", "get_friend_msg_history",
            "get_forward_msg");
    private static final String[] SUFFIXES = {"_async", "_rate_limited"};

    private AnswerForms() {
    }

    /** The answer's data with its messages in {@code format}; the same object when nothing changes. */
    static JsonValue data(String action, JsonValue data, MessageFormat format) {
        if (!(data instanceof JsonObject object)) {
            return data;
        }
        String name = baseName(action);
        if (ONE_MESSAGE.contains(name)) {
            return MessageForms.withMessage(object, format);
        }
        if (MESSAGE_LISTS.contains(name) && object.get("messages") instanceof JsonArray messages) {
            JsonArrayBuilder converted = Jsonp.createArrayBuilder();
            boolean changed = false;
            for (JsonValue element : messages) {
                JsonValue out = element instanceof JsonObject holder ? MessageForms.withMessage(holder, format) : element;
                changed |= out != element;
                converted.add(out);
            }
            return changed ? Jsonp.createObjectBuilder(object).add("messages", converted).build() : object;
        }
        return object;
    }

    private static String baseName(String action) {
        for (String suffix : SUFFIXES) {
            if (action.endsWith(suffix)) {
                return action.substring(0, action.length() - suffix.length());
            }
        }
        return action;
    }
}
