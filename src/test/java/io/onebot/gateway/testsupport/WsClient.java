package io.onebot.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * A WebSocket test client that records what the server sends: every text frame goes into a
 * queue read with timeouts, and the close reason completes a future. Assertions run on the test
 * thread only.
 */
public final class WsClient implements AutoCloseable {

    /** How long a frame that should come may take. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private static final int BUFFER = 64 * 1024 * 1024;

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final Session session;

    private WsClient(URI uri, Map<String, String> headers) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> request) {
                        headers.forEach((name, value) -> request.put(name, List.of(value)));
                    }
                })
                .build();
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(BUFFER);
        container.setDefaultMaxBinaryMessageBufferSize(BUFFER);
        if (container instanceof ClientManager tyrus) {
            tyrus.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, BUFFER);
        }
        this.session = container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig endpointConfig) {
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) frames::add);
                session.addMessageHandler(PongMessage.class,
                        (MessageHandler.Whole<PongMessage>) pong -> pongs.add(pong.getApplicationData()));
            }

            @Override
            public void onClose(Session session, CloseReason closeReason) {
                closed.complete(closeReason);
            }

            @Override
            public void onError(Session session, Throwable thr) {
                closed.completeExceptionally(thr);
            }
        }, config, uri);
    }

    /** Connects with the given handshake headers. */
    public static WsClient connect(URI uri, Map<String, String> headers) throws Exception {
        return new WsClient(uri, headers);
    }

    /** Connects without extra headers. */
    public static WsClient connect(URI uri) throws Exception {
        return new WsClient(uri, Map.of());
    }

    /** Sends one text frame; a connection the server is closing may refuse it. */
    public void send(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (Exception e) {
            // The server may be closing this connection; the test reads the close reason instead.
        }
    }

    /** Sends one binary frame. */
    public void sendBinary(byte[] bytes) throws Exception {
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
    }

    /** Sends {@code {action, params, echo}}. */
    public void request(String action, JsonObject params, JsonValue echo) {
        var request = Json.createObjectBuilder().add("action", action);
        if (params != null) {
            request.add("params", params);
        }
        if (echo != null) {
            request.add("echo", echo);
        }
        send(request.build().toString());
    }

    /** The next frame's raw text; fails the test when none comes in time. */
    public String nextText() throws InterruptedException {
        String frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(frame, "no frame within " + WAIT);
        return frame;
    }

    /** The next frame as JSON. */
    public JsonObject next() throws InterruptedException {
        return parse(nextText());
    }

    /** The next frame that matches, skipping (and returning in {@code skipped}) the others. */
    public JsonObject next(Predicate<JsonObject> wanted, List<JsonObject> skipped) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null) {
                break;
            }
            JsonObject json = parse(frame);
            if (wanted.test(json)) {
                return json;
            }
            skipped.add(json);
        }
        return fail("no matching frame within " + WAIT + "; skipped " + skipped);
    }

    /** The answer carrying this echo (events in between are skipped). */
    public JsonObject response(JsonValue echo) throws InterruptedException {
        return next(json -> !json.containsKey("post_type") && echo.equals(json.get("echo")), new ArrayList<>());
    }

    /** The next frame, or null when none comes within {@code quiet}. */
    public String poll(Duration quiet) throws InterruptedException {
        return frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every frame received and not yet read, parsed; the queue is empty afterwards. */
    public List<JsonObject> takeAll() {
        List<String> texts = new ArrayList<>();
        frames.drainTo(texts);
        return texts.stream().map(WsClient::parse).toList();
    }

    /** Sends a ping and returns the application data of the pong that answers it. */
    public ByteBuffer ping(byte[] data) throws Exception {
        session.getBasicRemote().sendPing(ByteBuffer.wrap(data));
        ByteBuffer pong = pongs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(pong, "no pong within " + WAIT);
        return pong;
    }

    /** Waits for the server to close the connection. */
    public CloseReason awaitClose() throws Exception {
        return awaitClose(WAIT);
    }

    /** Waits up to {@code limit} for the server to close the connection. */
    public CloseReason awaitClose(Duration limit) throws Exception {
        return closed.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the connection is open. */
    public boolean isOpen() {
        return session.isOpen();
    }

    /** Parses one JSON object. */
    public static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
