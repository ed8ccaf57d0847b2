/**
 * OneBot 11 events: a sealed hierarchy of records. Meta events and message events are typed;
 * notices, requests and anything else pass through as {@link io.onebot.gateway.protocol.event.GenericEvent}.
 * Depends on the JDK, {@code jakarta.json} and {@code protocol.message}.
 */
package io.onebot.gateway.protocol.event;
