package io.onebot.gateway.protocol.event;

/** The account's state as heartbeats and {@code get_status} report it. */
public record BotStatus(boolean online, boolean good) {
}
