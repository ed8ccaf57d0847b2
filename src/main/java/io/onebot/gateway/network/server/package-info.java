/**
 * The forward WebSocket server: thin {@code @ServerEndpoint} adapters for {@code /}, {@code /event}
 * and {@code /api}, the service that admits, registers and closes their connections, and the
 * sandbox's HTTP control endpoint. Depends on {@code network.auth}, {@code network.session},
 * {@code action}, {@code event}, {@code codec}, {@code config} and the {@code core} SPI.
 */
package io.onebot.gateway.network.server;
