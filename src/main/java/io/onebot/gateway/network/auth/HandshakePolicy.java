package io.onebot.gateway.network.auth;

import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.ServerEntry;
import io.onebot.gateway.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The rules a forward connection must pass before anything is served on it: an entry must be
 * configured and enabled, the entry's {@code host} must serve the client, the token must match,
 * and the entry must have room under its {@code maxConnections}. The settings in force at the
 * handshake decide, so changes apply to the next connection. The checks themselves log nothing;
 * {@link #logRefusal} writes the one line per refusal, naming the entry, the client and the
 * reason, never the token.
 */
@ApplicationScoped
public class HandshakePolicy {

    /** NapCat's words for a refused token, which its troubleshooting guide tells users to look for. */
    public static final String TOKEN_REFUSED = "token验证失败";
    /** Why a connection over its entry's {@code maxConnections} is refused (HTTP 503, or close 1013). */
    public static final String TOO_MANY_CONNECTIONS = "too many connections";

    private static final Logger LOG = Logger.getLogger(HandshakePolicy.class.getName());

    @Inject
    Settings settings;

    private final EntryCapacity capacity = new EntryCapacity();

    /** For CDI. */
    protected HandshakePolicy() {
    }

    /** A policy over fixed settings, outside CDI. */
    public HandshakePolicy(GatewaySettings fixed) {
        this.settings = () -> fixed;
    }

    /**
     * The entry and route a request path reaches. The entry is the one whose {@code path} is the
     * longest prefix of the request path; among entries with the same path, the one on
     * {@code port} (the port the client dialled, or -1 when unknown), else an enabled one. After the entry's path,
     * {@code /api} and {@code /api/} are API only and everything else is universal.
     */
    public Optional<Target> target(String path, int port) {
        String requested = path == null || path.isEmpty() ? "/" : path;
        ServerEntry best = null;
        for (ServerEntry entry : settings.current().servers()) {
            if (!covers(entry.path(), requested)) {
                continue;
            }
            if (best == null || entry.path().length() > best.path().length()
                    || entry.path().length() == best.path().length() && rank(entry, port) > rank(best, port)) {
                best = entry;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = best.path().equals("/") ? requested : requested.substring(best.path().length());
        Route route = rest.equals("/api") || rest.equals("/api/") ? Route.API : Route.UNIVERSAL;
        return Optional.of(new Target(best, route));
    }

    /** Among entries on one path: the one on the dialled port first, then an enabled one. */
    private static int rank(ServerEntry entry, int port) {
        return (entry.port() == port ? 2 : 0) + (entry.enable() ? 1 : 0);
    }

    private static boolean covers(String prefix, String path) {
        return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The port in a {@code Host} header ({@code host:port} or {@code [v6]:port}), or -1. */
    public static int port(String hostHeader) {
        if (hostHeader == null) {
            return -1;
        }
        int colon = hostHeader.lastIndexOf(':');
        if (colon < 0 || hostHeader.indexOf(']', colon) >= 0) {
            return -1;
        }
        try {
            return Integer.parseInt(hostHeader.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Whether the sandbox control endpoint may be used with this {@code Authorization} header: the
     * token of any forward entry opens it; with no token set anywhere, it is open.
     */
    public Verdict sandboxAccess(String authorization) {
        return AccessTokens.verifyAny(settings.current().servers().stream().map(ServerEntry::token).toList(),
                authorization, List.of());
    }

    /**
     * Checks a handshake.
     *
     * @param target        where the handshake leads, or null when no entry serves its path
     * @param remote        the client's address, or null where the container does not tell
     * @param local         the address the client connected to, or null where unknown
     * @param authorization the {@code Authorization} header, or null
     * @param queryTokens   the {@code access_token} query values
     */
    public Admission admit(Target target, String remote, String local, String authorization, List<String> queryTokens) {
        if (target == null) {
            return Admission.NO_ENTRY;
        }
        ServerEntry entry = target.entry();
        if (!entry.enable()) {
            return Admission.DISABLED;
        }
        if (remote != null && !servesAddress(entry, remote, local)) {
            return Admission.ADDRESS_REFUSED;
        }
        return Admission.of(AccessTokens.verify(entry.token(), authorization, queryTokens));
    }

    /**
     * Whether the target's entry has room for one more connection now. The servlet filter asks
     * before the upgrade; {@link #occupy} decides at open.
     */
    public boolean hasRoom(Target target) {
        return capacity.hasRoom(target.entry());
    }

    /**
     * Takes a place of the target's entry for an admitted connection, or answers false when the
     * entry already serves {@code maxConnections}. Every place taken must be given back with
     * {@link #vacate} when its connection closes.
     */
    public boolean occupy(Target target) {
        return capacity.take(target.entry());
    }

    /** Gives back the place of a connection of the named entry that closed. */
    public void vacate(String entryName) {
        capacity.giveBack(entryName);
    }

    /** How many admitted connections the named entry has open now. */
    public int openConnections(String entryName) {
        return capacity.count(entryName);
    }

    /** Writes the log line of one refused handshake. */
    public void logRefusal(Admission admission, Target target, String client, String path) {
        String entry = target == null ? "-" : target.entry().name();
        String limit = admission == Admission.TOO_MANY_CONNECTIONS && target != null
                ? " (maxConnections=" + target.entry().maxConnections() + ")" : "";
        LOG.warning(() -> "[" + entry + "] Refused WebSocket connection from " + client + " on " + path + ": "
                + admission.reason() + limit);
    }

    private static boolean servesAddress(ServerEntry entry, String remote, String local) {
        if (entry.servesAllInterfaces()) {
            return true;
        }
        if (entry.loopbackOnly()) {
            return isLoopback(remote);
        }
        return local != null && sameAddress(entry.host(), local);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean sameAddress(String host, String address) {
        try {
            return InetAddress.getByName(host).equals(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
