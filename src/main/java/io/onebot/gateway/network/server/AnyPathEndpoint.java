package io.onebot.gateway.network.server;

import io.onebot.gateway.network.auth.HandshakeConfigurator;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Any other path of one segment(s), such as {@code /ws} or {@code /onebot/v11/ws}: universal, as in
 * NapCat, so that a client configured with a path still works. Exact paths take precedence.
 */
@ServerEndpoint(value = "/{segment}", configurator = HandshakeConfigurator.class)
public class AnyPathEndpoint extends ForwardEndpoint {
}
