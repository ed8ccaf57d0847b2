package io.onebot.gateway.config;

import java.time.Duration;
import java.util.List;

/**
 * Everything the gateway is configured with, validated.
 *
 * @param core    the bot core in use
 * @param actionTimeout how long one of the core's own actions may run before its caller is answered 1504
 * @param sandbox the sandbox core's settings
 * @param upstream the upstream core's settings
 * @param servers the forward WebSocket server entries, in name order
 * @param clients the reverse WebSocket client entries, in name order
 * @param notes   what was ignored while reading (e.g. parts of a NapCat file), for the log
 */
public record GatewaySettings(CoreKind core, Duration actionTimeout, SandboxSettings sandbox, UpstreamSettings upstream,
                              List<ServerEntry> servers,
                              List<ClientEntry> clients, List<String> notes) {

    public GatewaySettings {
        servers = List.copyOf(servers);
        clients = List.copyOf(clients);
        notes = List.copyOf(notes);
    }
}
