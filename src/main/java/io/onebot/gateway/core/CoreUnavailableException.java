package io.onebot.gateway.core;

/**
 * The core cannot take the call now: the upstream implementation is not connected, or the gateway
 * is shutting down. Answered at once with retcode 1503, so the caller never waits for nothing.
 */
public class CoreUnavailableException extends RuntimeException {

    public CoreUnavailableException(String message) {
        super(message, null, false, false);
    }
}
