package io.onebot.gateway.config;

/**
 * The gateway's current settings, for code that must see changes made while it runs (tokens,
 * formats and switches are read per handshake or per event). Code that reads settings once at
 * startup may inject {@link GatewaySettings} directly.
 */
public interface Settings {

    /** The settings in force now. */
    GatewaySettings current();
}
