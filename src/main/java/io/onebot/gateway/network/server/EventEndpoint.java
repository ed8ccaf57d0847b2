package io.onebot.gateway.network.server;

import io.onebot.gateway.network.auth.HandshakeConfigurator;
import jakarta.websocket.server.ServerEndpoint;

/** {@code /event}: OneBot 11's event path; like NapCat it also answers API calls. */
@ServerEndpoint(value = "/event", configurator = HandshakeConfigurator.class)
public class EventEndpoint extends ForwardEndpoint {
}
