package io.onebot.gateway.network.server;

import io.onebot.gateway.network.auth.HandshakeConfigurator;
import jakarta.websocket.server.ServerEndpoint;

/** {@code /}: Events, heartbeats and API calls on the root path, NapCat's usual target. */
@ServerEndpoint(value = "/", configurator = HandshakeConfigurator.class)
public class UniversalEndpoint extends ForwardEndpoint {
}
