package io.onebot.gateway.core;

import io.onebot.gateway.protocol.message.MessageFormat;

/**
 * What an action may know about its caller.
 *
 * @param connection    the name of the connection entry the request came from
 * @param messageFormat the caller's {@code messagePostFormat}, used for messages in results
 */
public record ActionContext(String connection, MessageFormat messageFormat) {
}
