package io.onebot.gateway.network.auth;

/** What a forward connection carries, decided by its path. */
public enum Route {
    /** Events, lifecycle, heartbeats, and API calls ({@code /}, {@code /event}). */
    UNIVERSAL,
    /** API calls only ({@code /api}). */
    API
}
