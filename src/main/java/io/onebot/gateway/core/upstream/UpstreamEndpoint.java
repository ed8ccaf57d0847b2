package io.onebot.gateway.core.upstream;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/** The WebSocket callbacks of the upstream connection; each is handed to its {@link UpstreamLink}. */
final class UpstreamEndpoint extends Endpoint {

    /** NapCat's largest message, accepted from the upstream as from clients. */
    static final int MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

    private final UpstreamLink link;

    UpstreamEndpoint(UpstreamLink link) {
        this.link = link;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        // Before the link learns of the session, which asks the upstream at once.
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) link::received);
        link.opened(session);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        link.closed(session, reason);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        link.failed(session, failure);
    }
}
