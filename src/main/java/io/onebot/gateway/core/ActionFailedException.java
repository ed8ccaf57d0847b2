package io.onebot.gateway.core;

/** The action was understood but could not be carried out; answered with retcode 1200. */
public class ActionFailedException extends RuntimeException {

    public ActionFailedException(String message) {
        super(message);
    }
}
