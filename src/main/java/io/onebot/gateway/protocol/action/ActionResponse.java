package io.onebot.gateway.protocol.action;

import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * The answer to one API call, in NapCat's envelope:
 * {@code {"status","retcode","data","message","wording","echo"}}.
 *
 * <p>Built only through {@link #ok} and {@link #failed}, so that {@code ok} always goes with
 * retcode 0 and every failure has a non-zero code. {@code data} is the action's typed result (or
 * null); {@code echo} is returned exactly as the request carried it.
 *
 * @param status  {@code "ok"} or {@code "failed"}
 * @param retcode 0 for ok, a {@link RetCode} otherwise
 * @param data    the result object, or null
 * @param message empty on success, otherwise what went wrong
 * @param echo    the request's echo, {@link JsonValue#NULL} when it had none
 */
public record ActionResponse(String status, RetCode retcode, Object data, String message, JsonValue echo) {

    public ActionResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(retcode, "retcode");
        message = message == null ? "" : message;
        echo = echo == null ? JsonValue.NULL : echo;
    }

    /** A successful answer carrying {@code data} (which may be null). */
    public static ActionResponse ok(Object data, JsonValue echo) {
        return new ActionResponse("ok", RetCode.OK, data, "", echo);
    }

    /** A failed answer; {@code retcode} must not be {@link RetCode#OK}. */
    public static ActionResponse failed(RetCode retcode, String message, JsonValue echo) {
        if (retcode == RetCode.OK) {
            throw new IllegalArgumentException("a failed answer needs a non-zero retcode");
        }
        return new ActionResponse("failed", retcode, null, message, echo);
    }

    /** NapCat repeats the message in {@code wording}. */
    public String wording() {
        return message;
    }

    /** Whether this answer reports success. */
    public boolean isOk() {
        return retcode == RetCode.OK;
    }
}
