package io.onebot.gateway.config;

import java.util.List;

/**
 * Everything the gateway is configured with, validated.
 *
 * @param core    the bot core in use
 * @param sandbox the sandbox core's settings
 * @param servers the forward WebSocket server entries, in name order
 * @param clients the reverse WebSocket client entries, in name order
 */
public record GatewaySettings(CoreKind core, SandboxSettings sandbox, List<ServerEntry> servers,
                              List<ClientEntry> clients) {

    public GatewaySettings {
        servers = List.copyOf(servers);
        clients = List.copyOf(clients);
    }
}
