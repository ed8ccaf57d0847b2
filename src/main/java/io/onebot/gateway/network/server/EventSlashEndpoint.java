package io.onebot.gateway.network.server;

import io.onebot.gateway.network.auth.HandshakeConfigurator;
import jakarta.websocket.server.ServerEndpoint;

/** {@code /event/}: The event path with a trailing slash. */
@ServerEndpoint(value = "/event/", configurator = HandshakeConfigurator.class)
public class EventSlashEndpoint extends ForwardEndpoint {
}
