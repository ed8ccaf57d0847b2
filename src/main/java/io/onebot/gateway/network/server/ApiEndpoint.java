package io.onebot.gateway.network.server;

import io.onebot.gateway.network.auth.HandshakeConfigurator;
import jakarta.websocket.server.ServerEndpoint;

/** {@code /api}: API calls only: no lifecycle, heartbeat or event is pushed here. */
@ServerEndpoint(value = "/api", configurator = HandshakeConfigurator.class)
public class ApiEndpoint extends ForwardEndpoint {
}
