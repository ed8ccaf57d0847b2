package io.onebot.gateway.network.auth;

import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.ServerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The rules a forward connection must pass before anything is served on it: an entry must be
 * configured and enabled, the entry's {@code host} must serve the client, and the token must
 * match. The checks themselves log nothing; {@link #logRefusal} writes the one line per refusal,
 * naming the entry, the client and the reason, never the token.
 */
@ApplicationScoped
public class HandshakePolicy {

    /** NapCat's words for a refused token, which its troubleshooting guide tells users to look for. */
    public static final String TOKEN_REFUSED = "token验证失败";

    private static final Logger LOG = Logger.getLogger(HandshakePolicy.class.getName());

    @Inject
    GatewaySettings settings;

    /** For CDI. */
    protected HandshakePolicy() {
    }

    /** A policy outside CDI. */
    public HandshakePolicy(GatewaySettings settings) {
        this.settings = settings;
    }

    /** The entry served on the forward paths, if one is configured. */
    public Optional<ServerEntry> entry() {
        return settings.forwardServer();
    }

    /**
     * Checks a handshake.
     *
     * @param remote        the client's address, or null where the container does not tell
     * @param local         the address the client connected to, or null where unknown
     * @param authorization the {@code Authorization} header, or null
     * @param queryTokens   the {@code access_token} query values
     */
    public Admission admit(String remote, String local, String authorization, List<String> queryTokens) {
        Optional<ServerEntry> configured = entry();
        if (configured.isEmpty()) {
            return Admission.NO_ENTRY;
        }
        ServerEntry entry = configured.get();
        if (!entry.enable()) {
            return Admission.DISABLED;
        }
        if (remote != null && !servesAddress(entry, remote, local)) {
            return Admission.ADDRESS_REFUSED;
        }
        return Admission.of(AccessTokens.verify(entry.token(), authorization, queryTokens));
    }

    /** Writes the log line of one refused handshake. */
    public void logRefusal(Admission admission, String client, String path) {
        String entry = entry().map(ServerEntry::name).orElse("-");
        LOG.warning(() -> "[" + entry + "] Refused WebSocket connection from " + client + " on " + path + ": "
                + admission.reason());
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
