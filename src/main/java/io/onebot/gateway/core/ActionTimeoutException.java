package io.onebot.gateway.core;

/**
 * An action got no result within its time limit ({@code onebot.actionTimeout} for the core's own
 * actions, {@code onebot.upstream.timeout} for relayed ones); answered with retcode 1504. The
 * caller is answered at the deadline whatever the action is still doing.
 */
public class ActionTimeoutException extends RuntimeException {

    public ActionTimeoutException(String message) {
        super(message, null, false, false);
    }
}
