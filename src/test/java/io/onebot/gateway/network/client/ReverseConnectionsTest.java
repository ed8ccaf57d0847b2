package io.onebot.gateway.network.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.onebot.gateway.testsupport.GatewayStack;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsChange;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.testsupport.FrameworkServer;
import io.onebot.gateway.testsupport.FrameworkServer.Peer;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reverse connectors' lifecycle with Weld SE and an in-process framework: they connect on
 * start, and stopping them (what undeploy does) closes the connection with 1001 and dials no more.
 */
@EnableWeld
class ReverseConnectionsTest {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2);
    private static int port;
    private static FrameworkServer framework;

    /** One reverse entry pointing at the in-process framework. */
    @ApplicationScoped
    static class TestSettings implements Settings {
        @Produces
        GatewaySettings settings() {
            return current();
        }

        @Override
        public GatewaySettings current() {
            return SettingsReader.read(Map.of(
                    "onebot.sandbox.selfId", "31337",
                    "onebot.network.websocketClients.fw.enable", "true",
                    "onebot.network.websocketClients.fw.url", "ws://127.0.0.1:" + port + "/onebot",
                    "onebot.network.websocketClients.fw.reconnectInterval", "200",
                    "onebot.network.websocketClients.fw.heartInterval", "0"));
        }
    }

    @WeldSetup
    WeldInitiator weld = GatewayStack.reverse(TestSettings.class, SCHEDULER);

    @Inject
    ReverseConnections reverse;

    @BeforeAll
    static void listen() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        FrameworkServer.reset();
        framework = FrameworkServer.start(port);
    }

    @AfterAll
    static void stopListening() {
        framework.close();
        SCHEDULER.shutdownNow();
    }

    @Test
    void stoppingClosesWith1001AndDialsNoMore() throws Exception {
        reverse.start();
        reverse.start();
        assertEquals(1, reverse.size(), "starting twice starts one connector");
        Peer peer = FrameworkServer.nextPeer(10_000);
        assertNotNull(peer, "connected");
        assertEquals("31337", peer.header("X-Self-ID"));
        assertNull(peer.header("Authorization"), "no token, no Authorization header");
        assertEquals("lifecycle", WsClient.parse(peer.poll(10_000)).getString("meta_event_type"));

        reverse.stop();
        CloseReason reason = FrameworkServer.nextClose(10_000);
        assertNotNull(reason, "the connection was closed");
        assertEquals(CloseReason.CloseCodes.GOING_AWAY.getCode(), reason.getCloseCode().getCode());
        assertNull(FrameworkServer.nextPeer(1_000), "no dial after stopping (reconnectInterval is 200 ms)");
        assertEquals(0, reverse.size());
    }

    /**
     * A framework may send a request of many megabytes (a picture inlined as base64) and get an
     * answer as large: the runtime's WebSocket client must take frames up to the 50 MiB a forward
     * connection takes, not only its own default (4 MiB for Tyrus).
     */
    @Test
    void requestsAndAnswersOfManyMegabytesPass() throws Exception {
        FrameworkServer.reset();
        reverse.start();
        try {
            Peer peer = FrameworkServer.nextPeer(10_000);
            assertNotNull(peer, "connected");
            assertEquals("lifecycle", WsClient.parse(peer.poll(10_000)).getString("meta_event_type"));
            String echo = "e".repeat(12 * 1024 * 1024);
            peer.session().getBasicRemote().sendText("{\"action\":\"get_status\",\"echo\":\"" + echo + "\"}");
            String answer = peer.poll(30_000);
            assertNotNull(answer, "answered; closed instead: " + peer.closed().getNow(null));
            JsonObject json = WsClient.parse(answer);
            assertEquals(0, json.getInt("retcode"));
            assertEquals(echo, json.getString("echo"));
        } finally {
            reverse.stop();
        }
    }

    /** The settings watcher may still fire a change while the application stops: it must start nothing. */
    @Test
    void aSettingsChangeArrivingAfterStoppingStartsNoConnector() throws Exception {
        FrameworkServer.reset();
        reverse.start();
        assertNotNull(FrameworkServer.nextPeer(10_000), "connected");
        reverse.stop();
        assertNotNull(FrameworkServer.nextClose(10_000), "closed by stopping");

        GatewaySettings before = SettingsReader.read(Map.of("onebot.sandbox.selfId", "31337"));
        GatewaySettings after = SettingsReader.read(Map.of(
                "onebot.sandbox.selfId", "31337",
                "onebot.network.websocketClients.late.enable", "true",
                "onebot.network.websocketClients.late.url", "ws://127.0.0.1:" + port + "/onebot",
                "onebot.network.websocketClients.late.reconnectInterval", "200"));
        weld.event().select(SettingsChange.class).fire(new SettingsChange(before, after));

        assertEquals(0, reverse.size(), "no connector started");
        assertNull(FrameworkServer.nextPeer(1_000), "and nothing dials");
    }
}
