package io.onebot.gateway.codec;

import jakarta.json.JsonValue;

/** A parsed request object whose {@code action} or {@code params} has the wrong shape (retcode 1400). */
public final class InvalidRequestException extends Exception {

    private final transient JsonValue echo;

    public InvalidRequestException(String message, JsonValue echo) {
        super(message);
        this.echo = echo;
    }

    /** The request's echo, so that the failed answer can still be matched. */
    public JsonValue echo() {
        return echo;
    }
}
