package io.onebot.gateway.testsupport;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.Server;

/**
 * A stand-in for a bot framework that accepts reverse connections (as Koishi's {@code ws-reverse}
 * does): an in-process Tyrus server on {@code /onebot} that records each handshake's headers and
 * each connection's frames, and can refuse handshakes with HTTP 403 on demand.
 */
public final class FrameworkServer implements AutoCloseable {

    /** One accepted reverse connection; {@code closed} completes with its close reason. */
    public record Peer(Map<String, List<String>> headers, Session session, BlockingQueue<String> frames,
                       CompletableFuture<CloseReason> closed) {

        /** The first value of a handshake header, whatever its case. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The next frame, or null after {@code millis}. */
        public String poll(long millis) throws InterruptedException {
            return frames.poll(millis, TimeUnit.MILLISECONDS);
        }
    }

    private static final int BUFFER = 64 * 1024 * 1024;
    static final BlockingQueue<Peer> PEERS = new LinkedBlockingQueue<>();
    static final AtomicInteger REFUSED = new AtomicInteger();
    static final AtomicInteger OPEN = new AtomicInteger();
    static final BlockingQueue<CloseReason> CLOSES = new LinkedBlockingQueue<>();
    static volatile boolean refuse;

    private final Server server;

    private FrameworkServer(int port) throws Exception {
        // Tyrus reads each frame into a buffer of this size (4 MiB unless told): room for the
        // gateway's largest answers.
        server = new Server("127.0.0.1", port, "/", Map.of(TyrusWebSocketEngine.INCOMING_BUFFER_SIZE, BUFFER),
                Endpoint.class);
        server.start();
    }

    /** Starts listening on {@code port}. */
    public static FrameworkServer start(int port) throws Exception {
        return new FrameworkServer(port);
    }

    /** The next connection the gateway makes, or null after {@code millis}. */
    public static Peer nextPeer(long millis) throws InterruptedException {
        return PEERS.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The reason of the next connection that closes, or null after {@code millis}. */
    public static CloseReason nextClose(long millis) throws InterruptedException {
        return CLOSES.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Forgets what earlier tests left behind. */
    public static void reset() {
        PEERS.clear();
        CLOSES.clear();
        refuse = false;
    }

    /** Whether handshakes are refused with 403. */
    public static void refuse(boolean value) {
        refuse = value;
    }

    /** How many handshakes were refused so far. */
    public static int refused() {
        return REFUSED.get();
    }

    /** How many connections are open now. */
    public static int open() {
        return OPEN.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Checks and records handshakes. */
    public static final class Handshakes extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            if (refuse) {
                REFUSED.incrementAndGet();
                return false;
            }
            return true;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(request.getHeaders());
            config.getUserProperties().put("headers", headers);
        }
    }

    /** The framework's endpoint. */
    @ServerEndpoint(value = "/onebot", configurator = Handshakes.class)
    public static final class Endpoint {
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

        @OnOpen
        @SuppressWarnings("unchecked")
        public void open(Session session, EndpointConfig config) {
            OPEN.incrementAndGet();
            session.setMaxTextMessageBufferSize(BUFFER);
            PEERS.add(new Peer((Map<String, List<String>>) config.getUserProperties().get("headers"), session, frames,
                    closed));
        }

        @OnMessage
        public void text(String frame) {
            frames.add(frame);
        }

        @OnClose
        public void close(CloseReason reason) {
            OPEN.decrementAndGet();
            CLOSES.add(reason);
            closed.complete(reason);
        }
    }
}
