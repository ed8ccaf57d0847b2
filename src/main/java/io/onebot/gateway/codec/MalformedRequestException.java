package io.onebot.gateway.codec;

/** A frame or body that is not a usable OneBot request; answered with retcode 1400. */
public final class MalformedRequestException extends Exception {

    public MalformedRequestException(String message) {
        super(message);
    }
}
