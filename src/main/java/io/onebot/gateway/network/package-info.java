/**
 * The WebSocket network layer: handshake checks ({@code auth}), per-connection sending and
 * request handling ({@code session}) and the forward server endpoints ({@code server}). Nothing
 * outside {@code bootstrap} depends on it.
 */
package io.onebot.gateway.network;
