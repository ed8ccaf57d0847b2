package io.onebot.gateway.network.server;

import io.onebot.gateway.network.session.Connection;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;

/**
 * The callbacks shared by every forward path; each concrete endpoint only names its path and
 * {@link Route}. Everything is handed to {@link ForwardConnections}; nothing is kept here.
 */
public abstract class ForwardEndpoint {

    @Inject
    ForwardConnections connections;

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        connections.open(session, config);
    }

    @OnMessage(maxMessageSize = Connection.MAX_MESSAGE_BYTES)
    public void text(Session session, String frame) {
        connections.text(session, frame);
    }

    @OnMessage(maxMessageSize = Connection.MAX_MESSAGE_BYTES)
    public void binary(Session session, ByteBuffer frame) {
        connections.binary(session, frame);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        connections.closed(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        connections.failed(session, failure);
    }
}
