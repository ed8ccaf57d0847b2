/**
 * Delivers events to connections: the fan-out that observes the core's CDI events, encodes each
 * once per message format and offers the text to every event sink; and the heartbeat service on
 * the container's managed scheduler. Depends on {@code protocol}, {@code codec} and the
 * {@code core} SPI; never on {@code action} or {@code network}.
 */
package io.onebot.gateway.event;
