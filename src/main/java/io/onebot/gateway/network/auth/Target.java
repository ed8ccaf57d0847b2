package io.onebot.gateway.network.auth;

import io.onebot.gateway.config.ServerEntry;

/**
 * Which server entry a handshake reaches and what the connection carries, decided from its path
 * (and, when entries share a path, from the port the client dialled).
 */
public record Target(ServerEntry entry, Route route) {
}
