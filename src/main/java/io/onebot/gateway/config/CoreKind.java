package io.onebot.gateway.config;

/** Which bot core serves actions and emits events ({@code onebot.core}). */
public enum CoreKind {
    /** A simulated QQ account with an in-memory world. */
    SANDBOX,
    /** A relay to a real OneBot 11 implementation's forward WebSocket ({@code onebot.upstream.*}). */
    UPSTREAM
}
