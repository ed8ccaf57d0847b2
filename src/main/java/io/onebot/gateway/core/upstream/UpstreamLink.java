package io.onebot.gateway.core.upstream;

import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.UpstreamSettings;
import io.onebot.gateway.core.ClientFrames;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one WebSocket connection to the upstream implementation. It is dialled at startup and,
 * whenever it fails or is lost, again after {@code onebot.upstream.reconnectInterval}, on the
 * container's managed scheduler, until the application stops; then it closes with 1001. Frames
 * and state changes go to the {@link Listener}.
 */
@ApplicationScoped
public class UpstreamLink {

    /** What the link reports. */
    interface Listener {

        /** The connection is open; the upstream may be called. */
        void connected();

        /** One text frame from the upstream. */
        void received(String frame);

        /** The connection is gone; calls waiting for answers get none. */
        void disconnected();
    }

    private static final Logger LOG = Logger.getLogger(UpstreamLink.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    @Inject
    GatewaySettings settings;

    private final Object sending = new Object();
    private Listener listener;
    private WebSocketContainer container;
    private ScheduledFuture<?> nextDial;
    private boolean started;
    private boolean stopped;
    private volatile Session session;
    /** Failed dials since the last connection; only the first is logged as a warning. */
    private int failures;

    /** Starts dialling; calling it again does nothing. */
    synchronized void start(Listener events) {
        if (started) {
            return;
        }
        started = true;
        listener = events;
        // Looked up on a thread of the application: a dial from a container thread may lack its class loader.
        container = ContainerProvider.getWebSocketContainer();
        LOG.info(() -> "Connecting to the upstream OneBot implementation at " + upstream().displayUrl());
        schedule(0);
    }

    /** Whether the connection is open now. */
    public boolean isConnected() {
        Session current = session;
        return current != null && current.isOpen();
    }

    /**
     * Sends one frame upstream. Frames from many callers go one at a time, as the WebSocket API
     * requires of a session.
     *
     * @throws IOException when there is no connection or the send fails
     */
    void send(String frame) throws IOException {
        Session current = session;
        if (current == null) {
            throw new IOException("not connected");
        }
        synchronized (sending) {
            current.getBasicRemote().sendText(frame);
        }
    }

    private UpstreamSettings upstream() {
        return settings.upstream();
    }

    private synchronized void schedule(long delayMillis) {
        if (!stopped) {
            nextDial = scheduler.schedule(this::dial, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void dial() {
        synchronized (this) {
            if (stopped || session != null) {
                return;
            }
        }
        URI url = upstream().url().orElseThrow();
        try {
            ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                    .configurator(new UpstreamHandshake(upstream().token()))
                    .build();
            ClientFrames.allow(config.getUserProperties(), UpstreamEndpoint.MAX_MESSAGE_BYTES);
            container.connectToServer(new UpstreamEndpoint(this), config, url);
        } catch (DeploymentException | IOException | RuntimeException e) {
            int failed;
            synchronized (this) {
                failed = ++failures;
            }
            long retry = upstream().reconnectInterval().toMillis();
            Level level = failed == 1 ? Level.WARNING : Level.FINE;
            LOG.log(level, () -> "The upstream at " + upstream().displayUrl() + " cannot be reached (" + describe(e).replace(url.toString(), upstream().displayUrl())
                    + "); trying again every " + retry + " ms"
                    + (failed == 1 ? "; API calls are answered 1503 until it is back" : ""));
            schedule(retry);
        }
    }

    void opened(Session opened) {
        synchronized (this) {
            if (stopped) {
                closeQuietly(opened, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "the gateway is stopping"));
                return;
            }
            session = opened;
            failures = 0;
        }
        opened.setMaxIdleTimeout(0);
        LOG.info(() -> "Connected to the upstream OneBot implementation at " + upstream().displayUrl());
        listener.connected();
    }

    void received(String frame) {
        listener.received(frame);
    }

    void closed(Session closed, CloseReason reason) {
        boolean current;
        synchronized (this) {
            current = session == closed;
            if (current) {
                session = null;
            }
        }
        if (!current) {
            return;
        }
        listener.disconnected();
        if (stopped) {
            return;
        }
        long retry = upstream().reconnectInterval().toMillis();
        LOG.warning(() -> "The upstream connection to " + upstream().displayUrl() + " closed (" + reason.getCloseCode().getCode()
                + (reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase())
                + "); client connections stay open, API calls are answered 1503, reconnecting in " + retry + " ms");
        schedule(retry);
    }

    void failed(Session failedSession, Throwable failure) {
        LOG.log(Level.FINE, failure, () -> "The upstream connection failed");
        if (failedSession != null && failedSession.isOpen()) {
            closeQuietly(failedSession, new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "error"));
        }
    }

    @PreDestroy
    void stop() {
        Session current;
        synchronized (this) {
            stopped = true;
            if (nextDial != null) {
                nextDial.cancel(false);
            }
            current = session;
        }
        if (current != null) {
            closeQuietly(current, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "the gateway is stopping"));
        }
    }

    private static void closeQuietly(Session target, CloseReason reason) {
        try {
            target.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing the upstream connection failed", e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getClass().getSimpleName() + ": " + message;
    }
}
