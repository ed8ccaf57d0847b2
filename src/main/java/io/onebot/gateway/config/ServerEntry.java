package io.onebot.gateway.config;

import io.onebot.gateway.protocol.message.MessageFormat;
import java.util.Set;

/**
 * One {@code onebot.network.websocketServers.<name>} entry: a forward WebSocket server.
 *
 * @param name                 the entry's name, the middle part of its property names
 * @param enable               whether the entry serves connections at all
 * @param host                 NapCat's bind address; decides which clients are served
 * @param port                 the listener port of the embedded run; with several entries on one
 *                             path, the port that tells them apart
 * @param path                 where the entry's routes start ({@code /} by default); entries on
 *                             one listener are told apart by it
 * @param token                the access token; empty means no authentication
 * @param heartIntervalMillis  heartbeat period; zero or less disables heartbeats
 * @param messagePostFormat    how message events are written for this entry
 * @param reportSelfMessage    whether messages sent by the bot itself are delivered
 * @param enableForcePushEvent accepted for NapCat parity; has no effect there either
 * @param debug                log every frame in and out of this entry's connections
 * @param authFailure          how a connection with a bad token is refused
 * @param maxConnections       how many admitted connections the entry serves at once; a handshake
 *                             beyond it is refused, so that one entry cannot exhaust the server
 */
public record ServerEntry(
        String name,
        boolean enable,
        String host,
        int port,
        String path,
        String token,
        long heartIntervalMillis,
        MessageFormat messagePostFormat,
        boolean reportSelfMessage,
        boolean enableForcePushEvent,
        boolean debug,
        AuthFailureMode authFailure,
        int maxConnections) {

    /** The {@code maxConnections} of an entry that does not set it. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    private static final Set<String> WILDCARD_HOSTS = Set.of("0.0.0.0", "::", "[::]", "");

    /** Whether a token is required from clients. */
    public boolean requiresToken() {
        return !token.isEmpty();
    }

    /** Whether heartbeats are sent on this entry's event connections. */
    public boolean heartbeatEnabled() {
        return heartIntervalMillis > 0;
    }

    /** Whether {@link #host} restricts the entry to clients on this machine. */
    public boolean loopbackOnly() {
        return LOOPBACK_HOSTS.contains(host);
    }

    /** Whether {@link #host} serves clients from every interface. */
    public boolean servesAllInterfaces() {
        return WILDCARD_HOSTS.contains(host);
    }

    /** The entry as it may be logged: the token is masked. */
    @Override
    public String toString() {
        return "websocketServers." + name + "{enable=" + enable + ", host=" + host + ", port=" + port + ", path=" + path
                + ", token=" + (token.isEmpty() ? "(none)" : "******")
                + ", heartInterval=" + heartIntervalMillis + ", messagePostFormat=" + messagePostFormat.wireName()
                + ", reportSelfMessage=" + reportSelfMessage + ", enableForcePushEvent=" + enableForcePushEvent
                + ", debug=" + debug + ", authFailure=" + authFailure.name().toLowerCase(java.util.Locale.ROOT)
                + ", maxConnections=" + maxConnections + "}";
    }
}
