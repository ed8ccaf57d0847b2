package io.onebot.gateway.network.server;

import io.onebot.gateway.network.auth.HandshakeConfigurator;
import jakarta.websocket.server.ServerEndpoint;

/** {@code /api/}: The API path with a trailing slash. */
@ServerEndpoint(value = "/api/", configurator = HandshakeConfigurator.class)
public class ApiSlashEndpoint extends ForwardEndpoint {
}
