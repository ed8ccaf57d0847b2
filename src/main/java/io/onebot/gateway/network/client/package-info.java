/**
 * Reverse WebSocket connections: for each enabled {@code websocketClients} entry, a connector on
 * the container's managed scheduler that dials the bot framework with NapCat's handshake headers,
 * serves the connection like a universal forward one, and dials again at a fixed interval after
 * any failure. Depends on {@code network.session}, {@code config} and the {@code core} SPI; never
 * on {@code network.server}.
 */
package io.onebot.gateway.network.client;
