package io.onebot.gateway.network.auth;

/** Whether a forward handshake may be served, and if not, why. */
public enum Admission {
    ACCEPTED(101, "accepted"),
    NO_ENTRY(403, "no onebot.network.websocketServers entry serves this path"),
    DISABLED(403, "the entry is disabled (enable=false)"),
    ADDRESS_REFUSED(403, "the entry's host setting does not serve this client"),
    PORT_MISMATCH(403, "the Host header names another port than the one the client dialled"),
    TOKEN_MISSING(401, HandshakePolicy.TOKEN_REFUSED + " (no access token presented)"),
    TOKEN_WRONG(403, HandshakePolicy.TOKEN_REFUSED + " (wrong access token)"),
    /** The connection would pass, but its entry already serves {@code maxConnections} connections. */
    TOO_MANY_CONNECTIONS(503, HandshakePolicy.TOO_MANY_CONNECTIONS + ", the entry's limit is reached");

    private final int httpStatus;
    private final String reason;

    Admission(int httpStatus, String reason) {
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    /** The HTTP status a refusal before the upgrade carries. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Words for the log; never includes a token. */
    public String reason() {
        return reason;
    }

    /** Whether this refusal is about the token (and so follows the entry's {@code authFailure} mode). */
    public boolean isTokenRefusal() {
        return this == TOKEN_MISSING || this == TOKEN_WRONG;
    }

    static Admission of(Verdict verdict) {
        return switch (verdict) {
            case ACCEPTED -> ACCEPTED;
            case MISSING -> TOKEN_MISSING;
            case WRONG -> TOKEN_WRONG;
        };
    }
}
