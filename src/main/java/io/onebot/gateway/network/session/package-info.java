/**
 * One live WebSocket connection, whichever side opened it: its outbound queue (one send in
 * flight, sends never block the caller), its request handling through the action dispatcher,
 * and the optional frame log. Depends on {@code action}, {@code event}, {@code config} and
 * {@code protocol}.
 */
package io.onebot.gateway.network.session;
