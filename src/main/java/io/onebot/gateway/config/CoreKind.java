package io.onebot.gateway.config;

/** Which bot core serves actions and emits events ({@code onebot.core}). */
public enum CoreKind {
    /** A simulated QQ account with an in-memory world. */
    SANDBOX
}
