package io.onebot.gateway.network.client;

import io.onebot.gateway.config.ClientEntry;
import io.onebot.gateway.core.ClientFrames;
import io.onebot.gateway.network.session.Connection;
import io.onebot.gateway.network.session.ConnectionOptions;
import io.onebot.gateway.network.session.Connections;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One reverse connection entry: dials, serves, and after any failure dials again after
 * {@code reconnectInterval}, forever, at a fixed interval.
 *
 * <p>Every dial is an attempt with a number. An attempt ends exactly once — its handshake fails,
 * it does not complete within the entry's {@code handshakeTimeout}, or its connection closes — and
 * only the current attempt may schedule the next one, so there is never more than one pending
 * dial or live connection. A connection that opens after its attempt was given up is closed at
 * once, and the runtime is told the same limit ({@link HandshakeTimeout}), so that a given-up dial
 * does not keep its socket and thread until the runtime's own, longer limit. Dials, which block until their handshake ends, run on the container's managed executor;
 * the timing (reconnect interval, watchdog) on its managed scheduler. Nothing sleeps.
 */
final class ReverseConnector {

    private static final Logger LOG = Logger.getLogger(ReverseConnector.class.getName());
    private static final CloseReason SHUTDOWN = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "gateway stopping");

    private final ClientEntry entry;
    private final long selfId;
    private final ScheduledExecutorService scheduler;
    private final Executor dialer;
    private final WebSocketContainer container;
    private final Map<String, Object> userProperties;
    private final Connections connections;

    private final Object lock = new Object();
    private boolean stopped;
    private long attempt;
    private long endedAttempt;
    private ScheduledFuture<?> next;
    private Session live;

    /**
     * @param scheduler times the dials and the handshake watchdog
     * @param dialer         runs the dials, which block until the handshake ends, away from the scheduler
     * @param userProperties added to every dial's endpoint configuration (e.g. TLS settings)
     */
    ReverseConnector(ClientEntry entry, long selfId, ScheduledExecutorService scheduler, Executor dialer,
                     WebSocketContainer container, Map<String, Object> userProperties, Connections connections) {
        this.entry = entry;
        this.selfId = selfId;
        this.scheduler = scheduler;
        this.dialer = dialer;
        this.container = container;
        this.userProperties = userProperties;
        this.connections = connections;
    }

    /** Dials for the first time. */
    void start() {
        LOG.info(() -> "[" + entry.name() + "] Reverse WebSocket connecting to " + entry.displayUrl());
        synchronized (lock) {
            next = scheduler.schedule(this::dialLater, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops dialling and closes the live connection with 1001. */
    void stop() {
        Session session;
        synchronized (lock) {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
            session = live;
            live = null;
        }
        if (session != null) {
            close(session, SHUTDOWN);
        }
    }

    /** How many dials this connector has started. */
    long attempts() {
        synchronized (lock) {
            return attempt;
        }
    }

    /** Whether the entry's connection is open and served now. */
    boolean isConnected() {
        synchronized (lock) {
            return live != null && live.isOpen();
        }
    }

    private void dialLater() {
        dialer.execute(this::dial);
    }

    private void dial() {
        long current;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            current = ++attempt;
        }
        ScheduledFuture<?> watchdog = scheduler.schedule(() -> timedOut(current),
                entry.handshakeTimeoutMillis(), TimeUnit.MILLISECONDS);
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ReverseHandshake(selfId, entry.token()))
                .build();
        config.getUserProperties().putAll(userProperties);
        ClientFrames.allow(config.getUserProperties(), Connection.MAX_MESSAGE_BYTES);
        try {
            container.connectToServer(new ReverseEndpoint(current), config, entry.url());
        } catch (Exception e) {
            ended(current, describe(e));
        } finally {
            watchdog.cancel(false);
        }
    }

    /** Ends an attempt whose handshake is still running after the watchdog's time. */
    private void timedOut(long ofAttempt) {
        boolean ended;
        synchronized (lock) {
            ended = live == null && end(ofAttempt);
        }
        if (ended) {
            logRetry("the handshake did not complete within " + entry.handshakeTimeoutMillis() + " ms");
        }
    }

    /** Ends an attempt once; the current attempt's end schedules the next dial. */
    private void ended(long ofAttempt, String reason) {
        boolean ended;
        synchronized (lock) {
            ended = end(ofAttempt);
        }
        if (ended) {
            logRetry(reason);
        }
    }

    /** Under the lock: ends the attempt if it is the current one and still running. */
    private boolean end(long ofAttempt) {
        if (stopped || ofAttempt != attempt || endedAttempt == ofAttempt) {
            return false;
        }
        endedAttempt = ofAttempt;
        live = null;
        next = scheduler.schedule(this::dialLater, entry.reconnectIntervalMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** Logs why an attempt ended; the reason may quote the client library, so the entry's secrets are masked in it. */
    private void logRetry(String reason) {
        long seconds = entry.reconnectIntervalMillis() / 1000;
        LOG.warning(() -> "[" + entry.name() + "] 反向WebSocket (" + entry.displayUrl() + ") " + entry.masked(reason) + "; 在 "
                + seconds + " 秒后尝试重新连接 (reconnecting in " + entry.reconnectIntervalMillis() + " ms)");
    }

    private static String describe(Throwable failure) {
        return "连接错误 (connection failed): " + rootMessage(failure);
    }

    /** The message of the innermost cause, or its class name when it has none. */
    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "A reverse connection was already gone", e);
        }
    }

    /** The endpoint of one attempt. */
    private final class ReverseEndpoint extends Endpoint {

        private final long ofAttempt;

        ReverseEndpoint(long ofAttempt) {
            this.ofAttempt = ofAttempt;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            boolean current;
            boolean isStopped;
            synchronized (lock) {
                isStopped = stopped;
                current = !stopped && ofAttempt == attempt && endedAttempt != ofAttempt;
                if (current) {
                    live = session;
                }
            }
            if (!current) {
                close(session, isStopped ? SHUTDOWN : new CloseReason(CloseReason.CloseCodes.GOING_AWAY,
                        "connected after the attempt was given up"));
                return;
            }
            session.setMaxTextMessageBufferSize(Connection.MAX_MESSAGE_BYTES);
            session.setMaxBinaryMessageBufferSize(Connection.MAX_MESSAGE_BYTES);
            Connection served = connections.attach(session, ConnectionOptions.of(entry), true, entry.heartIntervalMillis());
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) served::receive);
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) served::receive);
            LOG.info(() -> "[" + entry.name() + "] Reverse WebSocket connected to " + entry.displayUrl());
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            connections.detach(session);
            ended(ofAttempt, "连接已关闭 (connection closed): " + reason.getCloseCode().getCode()
                    + (reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase()));
        }

        @Override
        public void onError(Session session, Throwable failure) {
            // The message only: a stack trace could carry the URL with its credentials.
            LOG.fine(() -> "[" + entry.name() + "] Reverse WebSocket error: " + entry.masked(rootMessage(failure)));
        }
    }
}
