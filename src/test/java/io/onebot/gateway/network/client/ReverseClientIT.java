package io.onebot.gateway.network.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.FrameworkServer;
import io.onebot.gateway.testsupport.FrameworkServer.Peer;
import io.onebot.gateway.testsupport.Gateway;
import io.onebot.gateway.testsupport.TlsWebSocketStub;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.net.URL;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reverse connection of the {@code alt} server, as a bot framework sees it: the gateway dials
 * {@code ws://127.0.0.1:<it.reverse.port>/onebot} with NapCat's headers, sends lifecycle first,
 * answers API calls on the same socket, pushes events and heartbeats, and dials again about
 * {@code reconnectInterval} (1000 ms) after every failure, with never more than one connection.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReverseClientIT {

    private static final int PORT = Integer.getInteger("it.reverse.port", 18765);
    /** reconnectInterval plus room for a busy machine; a connector that never retries fails this. */
    private static final long RECONNECT_WITHIN = 1000 + 9000;

    private static FrameworkServer framework;

    @ArquillianResource
    URL base;

    /** The live connection; it outlives a test instance. */
    private static Peer peer;

    @Deployment(testable = false)
    @TargetsContainer("alt")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @BeforeAll
    static void listen() throws Exception {
        framework = FrameworkServer.start(PORT);
    }

    @AfterAll
    static void stopListening() {
        framework.close();
    }

    /** Every test starts from a fresh connection: the framework drops the current one, if any. */
    @BeforeEach
    void freshConnection() throws Exception {
        Peer stale = peer;
        do {
            if (stale != null && stale.session().isOpen()) {
                stale.session().close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "next test"));
            }
            stale = FrameworkServer.nextPeer(0);
        } while (stale != null);
        long deadline = System.currentTimeMillis() + RECONNECT_WITHIN + 30_000;
        String first = null;
        for (int skipped = 0; first == null; skipped++) {
            peer = FrameworkServer.nextPeer(Math.max(0, deadline - System.currentTimeMillis()));
            assertNotNull(peer, "the gateway connects to the framework");
            first = peer.poll(WsClient.WAIT.toMillis());
            // A dial the gateway gave up before it was established on its side (its handshake
            // watchdog, on a busy machine) is closed without a frame: with 1001 "connected after
            // the attempt was given up", or by the runtime dropping the socket (1006). The redial
            // is the connection; more than two such dials in a row is a fault.
            if (first == null) {
                assertTrue(peer.closed().isDone(), "a connection the gateway keeps open starts with its lifecycle");
                CloseReason reason = peer.closed().join();
                int code = reason.getCloseCode().getCode();
                assertTrue(code == 1001 || code == 1006, "an abandoned dial, not a failure: " + reason);
                assertTrue(skipped < 2, "more than two abandoned dials in a row");
                System.out.println("Skipped a reverse connection closed without a frame: " + reason);
            }
        }
        JsonObject lifecycle = WsClient.parse(first);
        assertEquals("lifecycle", lifecycle.getString("meta_event_type"));
        assertEquals("connect", lifecycle.getString("sub_type"));
        assertEquals(5353, lifecycle.getJsonNumber("self_id").longValueExact());
    }

    private static JsonObject next(Peer peer, Predicate<JsonObject> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WsClient.WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            String frame = peer.poll(deadline - System.currentTimeMillis());
            if (frame == null) {
                break;
            }
            JsonObject json = WsClient.parse(frame);
            if (wanted.test(json)) {
                return json;
            }
        }
        throw new AssertionError("no matching frame within " + WsClient.WAIT);
    }

    private static Predicate<JsonObject> answer(String echo) {
        return json -> !json.containsKey("post_type") && echo.equals(json.get("echo").toString());
    }

    @Test
    void theHandshakeCarriesNapCatsHeaders() {
        assertEquals("5353", peer.header("X-Self-ID"));
        assertEquals("Universal", peer.header("X-Client-Role"));
        assertEquals("OneBot/11", peer.header("User-Agent"));
        assertEquals("Bearer rev-token", peer.header("Authorization"));
        assertNull(peer.header("Sec-WebSocket-Extensions"), "no compression is offered");
    }

    @Test
    void apiCallsAreAnsweredOnTheSameSocket() throws Exception {
        peer.session().getBasicRemote().sendText("{\"action\":\"get_login_info\",\"echo\":{\"n\":1}}");
        JsonObject login = next(peer, answer("{\"n\":1}"));
        assertEquals(5353, login.getJsonObject("data").getJsonNumber("user_id").longValueExact());
        peer.session().getBasicRemote().sendText("{action:'nope', echo:7,}");
        JsonObject unknown = next(peer, answer("7"));
        assertEquals(1404, unknown.getInt("retcode"));
        assertEquals("不支持的API nope", unknown.getString("message"));
    }

    @Test
    void eventsAndHeartbeatsArrive() throws Exception {
        JsonObject beat = next(peer, json -> "heartbeat".equals(json.getString("meta_event_type", "")));
        assertEquals(500, beat.getInt("interval"));
        Gateway gateway = new Gateway("127.0.0.2", base);
        var injected = gateway.inject("{\"message_type\":\"private\",\"user_id\":20001,\"message\":\"via reverse\"}",
                "Bearer alt-token");
        assertEquals(200, injected.statusCode(), injected.body());
        JsonObject event = next(peer, json -> "message".equals(json.getString("post_type", "")));
        assertEquals("array", event.getString("message_format"), "the reverse entry's own format");
        assertEquals("via reverse", event.getString("raw_message"));
    }

    /** A request of 12 MiB (a picture as base64) and its answer as large pass the reverse connection. */
    @Test
    void requestsAndAnswersOfManyMegabytesPass() throws Exception {
        String echo = "e".repeat(12 * 1024 * 1024);
        peer.session().getBasicRemote().sendText("{\"action\":\"get_status\",\"echo\":\"" + echo + "\"}");
        JsonObject answer = next(peer, json -> !json.containsKey("post_type"));
        assertEquals(0, answer.getInt("retcode"));
        assertEquals(echo, answer.getString("echo"));
    }

    @Test
    void aClosedConnectionIsRedialledAndOnlyOneLives() throws Exception {
        long closedAt = System.currentTimeMillis();
        peer.session().close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
        Peer again = FrameworkServer.nextPeer(RECONNECT_WITHIN);
        assertNotNull(again, "redialled");
        peer = again;
        long gap = System.currentTimeMillis() - closedAt;
        assertTrue(gap >= 900, "waited reconnectInterval, not " + gap + " ms");
        assertEquals("lifecycle", next(again, json -> true).getString("meta_event_type"));
        assertEquals(1, FrameworkServer.open(), "one live connection");
        System.out.println("Reverse reconnect gap after a close: " + gap + " ms");
    }

    @Test
    void refusedHandshakesAreRetriedAtTheInterval() throws Exception {
        FrameworkServer.refuse(true);
        try {
            int before = FrameworkServer.refused();
            peer.session().close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "refuse from now on"));
            long deadline = System.currentTimeMillis() + 3 * RECONNECT_WITHIN;
            while (FrameworkServer.refused() < before + 2 && System.currentTimeMillis() < deadline) {
                assertNull(FrameworkServer.nextPeer(200), "nothing is accepted while refusing");
            }
            assertTrue(FrameworkServer.refused() >= before + 2, "retried after a 403");
        } finally {
            FrameworkServer.refuse(false);
        }
        peer = FrameworkServer.nextPeer(RECONNECT_WITHIN);
        assertNotNull(peer, "connects again once accepted");
    }

    @Test
    void aListenerThatDisappearsAndComesBackIsFoundAgain() throws Exception {
        framework.close();
        long stoppedAt = System.currentTimeMillis();
        framework = FrameworkServer.start(PORT);
        Peer again = FrameworkServer.nextPeer(RECONNECT_WITHIN);
        assertNotNull(again, "reconnected to the new listener");
        peer = again;
        System.out.println("Reverse reconnect gap after the listener restarted: "
                + (System.currentTimeMillis() - stoppedAt) + " ms");
        assertEquals("Universal", again.header("X-Client-Role"));
    }

    /**
     * The alt server's entry "tls" dials a wss:// framework whose self-signed certificate no trust
     * store knows, with verifyCertificate=false: on each server's own WebSocket client (Tyrus on
     * Payara, Undertow on WildFly) the handshake completes and lifecycle arrives.
     */
    @Test
    void verifyCertificateFalseConnectsToAnUntrustedCertificate() throws Exception {
        try (TlsWebSocketStub tls = TlsWebSocketStub.start(Integer.getInteger("it.tls.port", 18766))) {
            TlsWebSocketStub.Upgrade upgrade = tls.nextUpgrade(RECONNECT_WITHIN + 20_000);
            assertNotNull(upgrade, "the connection got through TLS and the upgrade");
            assertEquals("/tls", upgrade.path());
            assertEquals("5353", upgrade.headers().get("x-self-id"));
            assertEquals("lifecycle", WsClient.parse(upgrade.firstFrame()).getString("meta_event_type"));
        }
    }
}
