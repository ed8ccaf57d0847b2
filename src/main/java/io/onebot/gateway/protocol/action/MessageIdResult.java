package io.onebot.gateway.protocol.action;

/** The id given to a sent message. */
public record MessageIdResult(int messageId) {
}
