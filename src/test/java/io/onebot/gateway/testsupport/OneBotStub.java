package io.onebot.gateway.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.server.Server;

/**
 * A stand-in for a OneBot 11 implementation's forward WebSocket server (NapCat's), for the
 * upstream core's tests: it answers {@code get_login_info} for its account by itself, records
 * every other call for the test to answer (or not), pushes frames, and drops connections. One
 * stub runs at a time; the WebSocket runtime makes the endpoint, so the state is static.
 */
public final class OneBotStub implements AutoCloseable {

    static final BlockingQueue<JsonObject> CALLS = new LinkedBlockingQueue<>();
    static final BlockingQueue<String> AUTHORIZATIONS = new LinkedBlockingQueue<>();
    static final AtomicLong SELF_ID = new AtomicLong();
    static volatile Session current;

    private final Server server;

    private OneBotStub(int port) throws Exception {
        server = new Server("127.0.0.1", port == 0 ? freePort() : port, "/", Map.of(), Endpoint.class);
        server.start();
    }

    /** Starts the stub on the port (0 for any free one) for the given account. */
    public static OneBotStub start(int port, long selfId) throws Exception {
        CALLS.clear();
        AUTHORIZATIONS.clear();
        SELF_ID.set(selfId);
        current = null;
        return new OneBotStub(port);
    }

    /** A port free now (Tyrus's server does not take 0 for "any"). */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    /** The next call a client made (other than {@code get_login_info}), or null after the wait. */
    public JsonObject nextCall(long millis) throws InterruptedException {
        return CALLS.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The {@code Authorization} header of the next handshake ("" for none), or null after the wait. */
    public String nextAuthorization(long millis) throws InterruptedException {
        return AUTHORIZATIONS.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Whether a client is connected now. */
    public boolean connected() {
        Session session = current;
        return session != null && session.isOpen();
    }

    /** Sends a frame to the connected client. */
    public void push(String frame) throws IOException {
        current.getBasicRemote().sendText(frame);
    }

    /** Answers a recorded call successfully with the given data, under the call's own echo. */
    public void answer(JsonObject call, String data) throws IOException {
        push("{\"status\":\"ok\",\"retcode\":0,\"data\":" + data + ",\"message\":\"\",\"wording\":\"\",\"echo\":"
                + call.get("echo") + ",\"stream\":\"normal-action\"}");
    }

    /** Closes the client's connection from this side. */
    public void drop() throws IOException {
        current.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "restarting"));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Records the handshake's authorization. */
    public static final class Handshakes extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            List<String> values = request.getHeaders().entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("Authorization"))
                    .flatMap(header -> header.getValue().stream()).toList();
            AUTHORIZATIONS.add(values.isEmpty() ? "" : values.get(0));
        }
    }

    /** The implementation's endpoint. */
    @ServerEndpoint(value = "/", configurator = Handshakes.class)
    public static final class Endpoint {

        @OnOpen
        public void open(Session session, EndpointConfig config) {
            session.setMaxTextMessageBufferSize(64 * 1024 * 1024);
            current = session;
        }

        @OnMessage
        public void text(Session session, String frame) throws IOException {
            JsonObject call;
            try (var reader = Json.createReader(new StringReader(frame))) {
                call = reader.readObject();
            }
            if ("get_login_info".equals(call.getString("action", ""))) {
                session.getBasicRemote().sendText("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"user_id\":" + SELF_ID.get()
                        + ",\"nickname\":\"Upstream\"},\"message\":\"\",\"wording\":\"\",\"echo\":" + call.get("echo") + "}");
                return;
            }
            CALLS.add(call);
        }

        @OnClose
        public void close(Session session) {
            if (current == session) {
                current = null;
            }
        }
    }
}
