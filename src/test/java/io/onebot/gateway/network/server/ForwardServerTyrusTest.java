package io.onebot.gateway.network.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsChange;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.network.auth.HandshakePolicy;
import io.onebot.gateway.testsupport.GatewayStack;
import io.onebot.gateway.testsupport.LogCapture;
import io.onebot.gateway.testsupport.WsClient;
import io.onebot.gateway.core.Deadlines;
import io.onebot.gateway.event.HeartbeatService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.glassfish.tyrus.server.Server;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real endpoints, wired by Weld SE, on an in-process Tyrus server: what a client sees on the
 * wire, without an application server. Token {@code unit-secret-7}, frame refusal, heartbeat every 200 ms.
 */
@EnableWeld
class ForwardServerTyrusTest {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(1);

    /** The settings this test runs with, in place of the server's system properties; tests may change them. */
    @ApplicationScoped
    static class TestSettings implements Settings {
        static final Map<String, String> INITIAL = Map.of(
                "onebot.sandbox.selfId", "777",
                "onebot.network.websocketServers.unit.enable", "true",
                "onebot.network.websocketServers.unit.token", "unit-secret-7",
                "onebot.network.websocketServers.unit.heartInterval", "200",
                "onebot.network.websocketServers.unit.messagePostFormat", "string");

        private volatile GatewaySettings current = SettingsReader.read(INITIAL);

        @Override
        public GatewaySettings current() {
            return current;
        }

        /** Replaces the settings and returns the change to announce. */
        SettingsChange change(String key, String value) {
            Map<String, String> next = new HashMap<>(INITIAL);
            next.put(key, value);
            GatewaySettings previous = current;
            current = SettingsReader.read(next);
            return new SettingsChange(previous, current);
        }

        @Produces
        GatewaySettings settings() {
            return current;
        }
    }

    @WeldSetup
    WeldInitiator weld = GatewayStack.forward(TestSettings.class, SCHEDULER);

    @Inject
    BotCore core;

    @Inject
    TestSettings settings;

    @Inject
    Event<SettingsChange> changes;

    @Inject
    HandshakePolicy policy;

    @Inject
    Deadlines deadlines;

    @Inject
    HeartbeatService heartbeats;

    private Server server;

    @BeforeEach
    void start() throws Exception {
        server = new Server("127.0.0.1", -1, "/", Map.of(), UniversalEndpoint.class, ApiEndpoint.class,
                AnyPathEndpoint.class, AnyPath2Endpoint.class, AnyPath3Endpoint.class);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + path);
    }

    @Test
    void anAdmittedUniversalConnectionGetsLifecycleAnswersEventsAndHeartbeats() throws Exception {
        try (WsClient client = WsClient.connect(uri("/?access_token=unit-secret-7"))) {
            client.request("get_login_info", null, Json.createValue(7));
            assertEquals("lifecycle", client.next().getString("meta_event_type"));
            assertEquals(777, client.response(Json.createValue(7)).getJsonObject("data").getInt("user_id"));
            core.injector().orElseThrow().inject(List.of(Json.createObjectBuilder()
                    .add("message_type", "private").add("user_id", 20001).add("message", "a[b]").build()));
            JsonObject event = client.next(json -> "message".equals(json.getString("post_type", "")), new ArrayList<>());
            assertEquals("a&#91;b&#93;", event.getString("message"));
            assertEquals("string", event.getString("message_format"));
            JsonObject beat = client.next(json -> "heartbeat".equals(json.getString("meta_event_type", "")),
                    new ArrayList<>());
            assertEquals(200, beat.getInt("interval"));
        }
    }

    @Test
    void aWrongTokenGetsTheRefusalFrameThenClose1008() throws Exception {
        try (WsClient client = WsClient.connect(uri("/"), Map.of("Authorization", "Bearer nope"))) {
            client.request("get_login_info", null, Json.createValue(1));
            JsonObject refusal = client.next();
            assertEquals(1403, refusal.getInt("retcode"));
            assertEquals("token验证失败", refusal.getString("message"));
            assertEquals(1008, client.awaitClose().getCloseCode().getCode());
            assertNull(client.poll(Duration.ofMillis(300)));
        }
    }

    @Test
    void stoppingTheApplicationClosesEveryConnectionWith1001() throws Exception {
        try (WsClient events = WsClient.connect(uri("/?access_token=unit-secret-7"));
             WsClient api = WsClient.connect(uri("/api?access_token=unit-secret-7"))) {
            assertEquals("lifecycle", events.next().getString("meta_event_type"));
            api.request("get_status", null, Json.createValue(1));
            assertEquals(0, api.response(Json.createValue(1)).getInt("retcode"));

            weld.shutdown();

            CloseReason eventsClosed = events.awaitClose();
            assertEquals(1001, eventsClosed.getCloseCode().getCode(), eventsClosed.toString());
            assertEquals("gateway stopping", eventsClosed.getReasonPhrase());
            assertEquals(1001, api.awaitClose().getCloseCode().getCode());
        }
    }

    /**
     * A refusal waits for the timer (so that Payara has finished the upgrade); one still waiting
     * when the application stops is made then, not dropped with the timer's queue. The timer is
     * held busy so that the refusal is certainly still waiting at the stop.
     */
    @Test
    void aRefusalStillWaitingWhenTheApplicationStopsIsMade() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        deadlines.later(Duration.ZERO, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (WsClient refused = WsClient.connect(uri("/?access_token=wrong"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> deadlines.pending() == 1);

            weld.shutdown();

            assertEquals("{\"status\":\"failed\",\"retcode\":1403,\"data\":null,\"message\":\"token验证失败\","
                    + "\"wording\":\"token验证失败\",\"echo\":null}", refused.nextText());
            assertEquals(1008, refused.awaitClose().getCloseCode().getCode());
        } finally {
            release.countDown();
        }
    }

    @Test
    void changedSettingsReachOpenConnections() throws Exception {
        try (WsClient client = WsClient.connect(uri("/?access_token=unit-secret-7"))) {
            assertEquals("lifecycle", client.next().getString("meta_event_type"));
            changes.fire(settings.change("onebot.network.websocketServers.unit.messagePostFormat", "array"));
            core.injector().orElseThrow().inject(List.of(Json.createObjectBuilder()
                    .add("message_type", "private").add("user_id", 20001).add("message", "now an array").build()));
            JsonObject event = client.next(json -> "message".equals(json.getString("post_type", "")), new ArrayList<>());
            assertEquals("array", event.getString("message_format"), "the next event uses the new format");

            changes.fire(settings.change("onebot.network.websocketServers.unit.heartInterval", "300"));
            JsonObject beat;
            try {
                beat = client.next(json -> "heartbeat".equals(json.getString("meta_event_type", ""))
                        && json.getInt("interval") == 300, new ArrayList<>());
            } catch (AssertionError e) {
                // Seen twice in full runs, never alone: say what the timers were.
                String seen = String.valueOf(e.getMessage());
                throw new AssertionError("no heartbeat at 300 ms; timers " + heartbeats.intervals() + ", open "
                        + policy.openConnections("unit") + "; " + seen.substring(0, Math.min(400, seen.length())), e);
            }
            assertEquals(300, beat.getInt("interval"), "the timer restarted with the new interval");

            changes.fire(settings.change("onebot.network.websocketServers.unit.enable", "false"));
            assertEquals(1001, client.awaitClose().getCloseCode().getCode(), "a disabled entry closes its connections");
        }
        try (WsClient refused = WsClient.connect(uri("/?access_token=unit-secret-7"))) {
            assertEquals(1008, refused.awaitClose().getCloseCode().getCode(), "and refuses new ones");
        } finally {
            changes.fire(settings.change("onebot.network.websocketServers.unit.enable", "true"));
        }
    }

    @Test
    void otherPathsAreUniversal() throws Exception {
        for (String path : List.of("/ws", "/onebot/ws", "/onebot/v11/ws")) {
            try (WsClient client = WsClient.connect(uri(path + "?access_token=unit-secret-7"))) {
                assertEquals("lifecycle", client.next().getString("meta_event_type"), path);
            }
        }
        try (WsClient client = WsClient.connect(uri("/api?access_token=unit-secret-7"))) {
            client.request("get_status", null, Json.createValue("exact"));
            assertEquals("exact", client.next().getString("echo"), "/api keeps its exact endpoint");
        }
    }

    @Test
    void pingsAreAnsweredWithPongs() throws Exception {
        try (WsClient client = WsClient.connect(uri("/api?access_token=unit-secret-7"))) {
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), client.ping(new byte[] {1, 2, 3}));
        }
    }

    @Test
    void refusalsAreLoggedWithNapCatsWordsButNeverWithTheToken() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            try (WsClient client = WsClient.connect(uri("/?access_token=s3cr3t-guess"),
                    Map.of("Authorization", "Bearer an0ther-guess"))) {
                assertEquals(1403, client.next().getInt("retcode"));
                client.awaitClose();
            }
            assertTrue(lines.stream().anyMatch(line -> line.contains("token验证失败") && line.contains("[unit]")), lines.toString());
            assertTrue(lines.stream().noneMatch(line -> line.contains("s3cr3t") || line.contains("an0ther")
                    || line.contains("unit-secret-7")), lines.toString());
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void anEntryServesAtMostMaxConnectionsAndAdmitsAgainOnceOneCloses() throws Exception {
        changes.fire(settings.change("onebot.network.websocketServers.unit.maxConnections", "2"));
        try (LogCapture log = LogCapture.start();
             WsClient first = WsClient.connect(uri("/?access_token=unit-secret-7"));
             WsClient second = WsClient.connect(uri("/api?access_token=unit-secret-7"))) {
            assertEquals("lifecycle", first.next().getString("meta_event_type"));
            second.request("get_status", null, Json.createValue(2));
            assertEquals(0, second.response(Json.createValue(2)).getInt("retcode"));
            try (WsClient third = WsClient.connect(uri("/?access_token=unit-secret-7"))) {
                third.request("get_status", null, Json.createValue(3));
                CloseReason refused = third.awaitClose();
                assertEquals(1013, refused.getCloseCode().getCode(), refused.toString());
                assertEquals("too many connections", refused.getReasonPhrase());
                assertNull(third.poll(Duration.ZERO), "nothing but the close: no lifecycle, no answer");
            }
            assertEquals(1, log.messages(Level.WARNING).stream().filter(line -> line.startsWith("[unit]")
                    && line.contains("too many connections, the entry's limit is reached (maxConnections=2)")).count(),
                    () -> log.messages(Level.WARNING).toString());

            first.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> policy.openConnections("unit") == 1);
            try (WsClient fourth = WsClient.connect(uri("/?access_token=unit-secret-7"))) {
                assertEquals("lifecycle", fourth.next().getString("meta_event_type"), "a freed place is taken again");
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> policy.openConnections("unit") == 0);
    }

    @Test
    void refusedConnectionsTakeNoPlace() throws Exception {
        changes.fire(settings.change("onebot.network.websocketServers.unit.maxConnections", "1"));
        for (int i = 0; i < 3; i++) {
            try (WsClient refused = WsClient.connect(uri("/?access_token=wrong"))) {
                assertEquals(1403, refused.next().getInt("retcode"));
                assertEquals(1008, refused.awaitClose().getCloseCode().getCode());
            }
        }
        try (WsClient admitted = WsClient.connect(uri("/?access_token=unit-secret-7"))) {
            assertEquals("lifecycle", admitted.next().getString("meta_event_type"), "the one place is still free");
        }
    }

    @Test
    void theApiPathAnswersFirstAndPushesNothing() throws Exception {
        try (WsClient client = WsClient.connect(uri("/api"), Map.of("Authorization", "Token unit-secret-7"))) {
            client.request("get_status", null, Json.createValue("s"));
            assertEquals("s", client.next().getString("echo"));
            assertNull(client.poll(Duration.ofMillis(600)), "no heartbeat on /api");
        }
    }
}
