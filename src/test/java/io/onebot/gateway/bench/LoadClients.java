package io.onebot.gateway.bench;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * Opens and closes many client connections through one shared Tyrus client container, so that
 * ten thousand connections share one selector and one worker pool instead of bringing their own.
 * Openings run a bounded number at a time, each with a handshake timeout, and the whole batch
 * has a deadline: a server that stops accepting yields a count of failures, never a hang.
 */
final class LoadClients implements AutoCloseable {

    /** Largest frame a bench client accepts; bench frames are far smaller. */
    private static final int MAX_FRAME = 4 * 1024 * 1024;

    private final ClientManager manager;
    private final ClientEndpointConfig config;
    private final int parallel;

    /** What a bench connection does with what it receives. */
    interface Listener {
        /** Called once the connection is open, before any frame; the session is the one to send on. */
        default void opened(Session session) {
        }

        /** Called for every text frame, on one of the client's I/O threads. */
        void text(String frame);
    }

    /** Connections that are open, and how many asked for failed; {@code firstError} says why. */
    record Opened(List<Session> sessions, int failed, String firstError) {
    }

    LoadClients(String token, int parallel) {
        this.parallel = parallel;
        this.manager = ClientManager.createClient();
        manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        manager.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 10_000);
        manager.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, MAX_FRAME);
        manager.setDefaultMaxTextMessageBufferSize(MAX_FRAME);
        manager.setDefaultMaxSessionIdleTimeout(0);
        this.config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        if (!token.isEmpty()) {
                            headers.put("Authorization", List.of("Bearer " + token));
                        }
                    }
                })
                .build();
    }

    /**
     * Opens {@code count} connections to {@code uri}; connection {@code i} hands every text frame
     * to {@code listeners.apply(i)}. Gives up on what is not open after {@code limitMillis}.
     */
    Opened open(URI uri, int count, IntFunction<Listener> listeners, long limitMillis) {
        List<Session> sessions = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, count));
        for (int i = 0; i < count; i++) {
            int index = i;
            pool.execute(() -> {
                try {
                    sessions.add(manager.connectToServer(endpoint(listeners.apply(index)), config, uri));
                } catch (DeploymentException | IOException | RuntimeException e) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, String.valueOf(e.getMessage()));
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(limitMillis, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                firstError.compareAndSet(null, "opening took longer than " + limitMillis + " ms");
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        List<Session> open = List.copyOf(sessions);
        return new Opened(open, count - open.size(), firstError.get());
    }

    /** Closes the connections, a bounded number at a time, ignoring those already gone. */
    void closeAll(List<Session> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, sessions.size()));
        for (Session session : sessions) {
            pool.execute(() -> {
                try {
                    session.close();
                } catch (IOException | RuntimeException e) {
                    // already closed by the server or broken: nothing to release
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Endpoint endpoint(Listener listener) {
        return new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig endpointConfig) {
                listener.opened(session);
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) listener::text);
            }

            @Override
            public void onClose(Session session, CloseReason closeReason) {
                // the scenario counts what arrived; a close needs no action here
            }
        };
    }

    @Override
    public void close() {
        // the shared container stops by itself once no connection uses it
    }
}
