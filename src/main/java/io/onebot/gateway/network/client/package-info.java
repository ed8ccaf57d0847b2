/**
 * Reverse WebSocket connections: for each enabled {@code websocketClients} entry, a connector on
 * the container's managed scheduler that dials the bot framework with NapCat's handshake headers,
 * serves the connection like a universal forward one, and dials again at a fixed interval after
 * any failure. The endpoint is programmatic ({@code Endpoint} with a {@code ClientEndpointConfig})
 * rather than {@code @ClientEndpoint}, because each entry needs its own configuration instance: its
 * handshake headers carry the entry's token, a {@code verifyCertificate=false} entry carries
 * TLS settings ({@link io.onebot.gateway.network.client.UncheckedTls}), and every entry carries its
 * handshake limit ({@link io.onebot.gateway.network.client.HandshakeTimeout}); those two are the
 * package's only runtime-specific classes. Depends on {@code network.session}, {@code config} and the {@code core} SPI; never
 * on {@code network.server}.
 */
package io.onebot.gateway.network.client;
