package io.onebot.gateway.network.auth;

/** The outcome of checking a handshake's access token. */
public enum Verdict {
    /** No token is configured, or a presented token matches. */
    ACCEPTED,
    /** A token is configured and none was presented (OneBot 11: HTTP 401). */
    MISSING,
    /** A token was presented and it does not match (OneBot 11: HTTP 403). */
    WRONG
}
