package io.onebot.gateway.protocol.action;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One API call as received: {@code {"action": ..., "params": {...}, "echo": ...}}.
 *
 * @param action the action name exactly as sent, suffixes included
 * @param params the parameters; an absent or null {@code params} is an empty object
 * @param echo   the caller's correlation value, kept as raw JSON of any type;
 *               {@link JsonValue#NULL} when the request had none
 */
public record ActionRequest(String action, JsonObject params, JsonValue echo) {

    public ActionRequest {
        Objects.requireNonNull(action, "action");
        params = params == null ? JsonValue.EMPTY_JSON_OBJECT : params;
        echo = echo == null ? JsonValue.NULL : echo;
    }
}
