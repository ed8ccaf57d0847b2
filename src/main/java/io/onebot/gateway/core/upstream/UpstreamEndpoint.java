package io.onebot.gateway.core.upstream;

import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;

/** The WebSocket callbacks of the upstream connection; each is handed to its {@link UpstreamLink}. */
@ClientEndpoint(configurator = UpstreamHandshake.class)
public class UpstreamEndpoint {

    /** NapCat's largest message, accepted from the upstream as from clients. */
    static final int MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

    private final UpstreamLink link;

    UpstreamEndpoint(UpstreamLink link) {
        this.link = link;
    }

    @OnOpen
    public void open(Session session) {
        link.opened(session);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void text(String frame) {
        link.received(frame);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        link.closed(session, reason);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        link.failed(session, failure);
    }
}
