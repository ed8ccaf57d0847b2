package io.onebot.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the upstream core ({@code onebot.core=upstream}): the one forward WebSocket of the
 * OneBot 11 implementation the gateway fronts. Read at startup.
 *
 * @param url               the implementation's forward WebSocket ({@code onebot.upstream.url}); required
 *                          with the upstream core
 * @param token             its access token, empty for none ({@code onebot.upstream.token})
 * @param reconnectInterval the pause between a lost or failed connection and the next dial
 * @param timeout           how long a relayed API call waits for the upstream's answer
 */
public record UpstreamSettings(Optional<URI> url, String token, Duration reconnectInterval, Duration timeout) {

    /** The address as it may be logged: no user info, no query (a token may be there). */
    public String displayUrl() {
        return url.map(uri -> ClientEntry.redact(uri.toString())).orElse("(none)");
    }

    /** The settings as they may be logged: the token is masked. */
    @Override
    public String toString() {
        return "upstream{url=" + displayUrl() + ", token=" + (token.isEmpty() ? "(none)" : "******")
                + ", reconnectInterval=" + reconnectInterval.toMillis() + ", timeout=" + timeout.toMillis() + "}";
    }
}
