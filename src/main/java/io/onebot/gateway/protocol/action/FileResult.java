package io.onebot.gateway.protocol.action;

/** {@code get_image} and {@code get_record}: where the implementation stored the file. */
public record FileResult(String file) {
}
