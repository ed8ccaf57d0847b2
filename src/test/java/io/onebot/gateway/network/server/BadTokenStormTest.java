package io.onebot.gateway.network.server;

import static io.onebot.gateway.testsupport.BadTokenStorm.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.testsupport.GatewayStack;
import io.onebot.gateway.testsupport.BadTokenStorm;
import io.onebot.gateway.testsupport.BadTokenStorm.Outcome;
import io.onebot.gateway.testsupport.EventPump;
import io.onebot.gateway.testsupport.LogCapture;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.logging.Level;
import org.glassfish.tyrus.server.Server;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bad-token storm at unit size, on the real endpoints in an in-process Tyrus server: hundreds
 * of clients with wrong or missing tokens connect at once, each sending requests straight behind
 * its upgrade request and again right after the 101, while events and heartbeats flow to a correctly authenticated client of the
 * same entry. Every refused client must get nothing but its refusal, and no token (right or wrong,
 * in the header or the query) may reach the log, though both entries log every frame
 * ({@code debug=true}).
 *
 * <p>Entry {@code frame} on {@code /} refuses with NapCat's frame. Entry {@code http} on
 * {@code /h} refuses over HTTP on an application server, where the servlet filter runs; there is
 * no filter here, so its refused clients are upgraded and must then get no frame at all, only the
 * close.
 */
@EnableWeld
class BadTokenStormTest {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(1);
    /** Part of every token in this test, right or wrong, so that the log can be searched for all of them. */
    private static final String MARKER = "zq7x";
    private static final String FRAME_TOKEN = "frame-" + MARKER + "-right";
    private static final String HTTP_TOKEN = "http-" + MARKER + "-right";
    private static final int PER_ENTRY = 200;
    private static final int IN_FLIGHT = 25;
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final int BEATS_DURING = 3;
    private static final int EVENTS_DURING = 3;

    @ApplicationScoped
    static class StormSettings implements Settings {
        private final GatewaySettings current = SettingsReader.read(Map.ofEntries(
                Map.entry("onebot.sandbox.selfId", "777"),
                Map.entry("onebot.network.websocketServers.frame.enable", "true"),
                Map.entry("onebot.network.websocketServers.frame.token", FRAME_TOKEN),
                Map.entry("onebot.network.websocketServers.frame.heartInterval", "100"),
                Map.entry("onebot.network.websocketServers.frame.debug", "true"),
                Map.entry("onebot.network.websocketServers.http.enable", "true"),
                Map.entry("onebot.network.websocketServers.http.path", "/h"),
                Map.entry("onebot.network.websocketServers.http.token", HTTP_TOKEN),
                Map.entry("onebot.network.websocketServers.http.heartInterval", "100"),
                Map.entry("onebot.network.websocketServers.http.authFailure", "http"),
                Map.entry("onebot.network.websocketServers.http.debug", "true")));

        @Override
        public GatewaySettings current() {
            return current;
        }

        @Produces
        GatewaySettings settings() {
            return current;
        }
    }

    @WeldSetup
    WeldInitiator weld = GatewayStack.forward(StormSettings.class, SCHEDULER);

    @Inject
    BotCore core;

    private Server server;

    @BeforeEach
    void start() throws Exception {
        server = new Server("127.0.0.1", -1, "/", Map.of(), UniversalEndpoint.class, ApiEndpoint.class,
                ApiSlashEndpoint.class, EventEndpoint.class, EventSlashEndpoint.class, AnyPathEndpoint.class,
                AnyPath2Endpoint.class, AnyPath3Endpoint.class);
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
    void refusedClientsGetOnlyTheirRefusalWhileEventsFlowAndNoTokenReachesTheLog() throws Exception {
        List<Outcome> frameOutcomes;
        List<Outcome> httpOutcomes;
        List<JsonObject> frameSide = new ArrayList<>();
        List<JsonObject> httpSide = new ArrayList<>();
        int injected;
        try (LogCapture log = LogCapture.start();
             WsClient frameGood = WsClient.connect(uri("/"), Map.of("Authorization", "Bearer " + FRAME_TOKEN));
             WsClient httpGood = WsClient.connect(uri("/h/event?access_token=" + HTTP_TOKEN))) {
            assertEquals("lifecycle", frameGood.next().getString("meta_event_type"));
            assertEquals("lifecycle", httpGood.next().getString("meta_event_type"));
            frameGood.request("get_login_info", null, Json.createValue("good"));
            assertEquals(777, frameGood.response(Json.createValue("good")).getJsonObject("data").getInt("user_id"));
            EventPump pump = EventPump.start(n -> core.injector().orElseThrow().inject(List.of(event(n))),
                    Duration.ofMillis(20));
            try {
                frameOutcomes = BadTokenStorm.runUntil("127.0.0.1", server.getPort(),
                        BadTokenStorm.attempts(PER_ENTRY * 10, List.of("/", "/api", "/event", "/ws", "/event/", "/api/",
                                "/onebot/v11/ws"), FRAME_TOKEN, MARKER),
                        PER_ENTRY, IN_FLIGHT, true, QUIET, () -> flowed(frameGood, frameSide));
                httpOutcomes = BadTokenStorm.runUntil("127.0.0.1", server.getPort(),
                        BadTokenStorm.attempts(PER_ENTRY * 10, List.of("/h", "/h/api", "/h/event", "/h/ws", "/h/a/b"),
                                HTTP_TOKEN, MARKER),
                        PER_ENTRY, IN_FLIGHT, true, QUIET, () -> flowed(httpGood, httpSide));
            } finally {
                pump.close();
            }
            injected = pump.injected();
            assertEquals(List.of(), pump.failures());
            assertTrue(count(frameSide, "heartbeat") >= BEATS_DURING && count(frameSide, "message") >= EVENTS_DURING,
                    "heartbeats and events reached the good client while the storm went on");
            assertTrue(count(httpSide, "heartbeat") >= BEATS_DURING && count(httpSide, "message") >= EVENTS_DURING,
                    "heartbeats and events reached the good client while the storm went on");

            assertEveryRefusal(frameOutcomes, BadTokenStorm::frameModeProblem);
            assertEveryRefusal(httpOutcomes, BadTokenStormTest::closedWithoutAFrame);
            BadTokenStorm.assertEveryEventArrives(frameGood, frameSide, injected);
            BadTokenStorm.assertEveryEventArrives(httpGood, httpSide, injected);

            List<String> leaks = log.everyText().stream().filter(text -> text.contains(MARKER)).toList();
            assertEquals(List.of(), leaks.subList(0, Math.min(5, leaks.size())), "no token in any log record");
            long refusalLines = log.messages(Level.WARNING).stream()
                    .filter(line -> line.contains("token验证失败") && (line.startsWith("[frame]") || line.startsWith("[http]")))
                    .count();
            // One warning per refusal. Now and then the in-process Grizzly server runs the handshake
            // of one request twice (the same Sec-WebSocket-Key), and each run is refused and logged.
            int refused = frameOutcomes.size() + httpOutcomes.size();
            System.out.printf("%d refusal warnings for %d refused clients%n", refusalLines, refused);
            assertTrue(refusalLines >= refused && refusalLines <= refused + refused / 100,
                    "one warning per refusal: " + refusalLines + " for " + refused);
            assertTrue(log.messages(Level.INFO).stream().anyMatch(line -> line.startsWith("[frame] -> ")),
                    "debug=true logged the frames");
        }
    }

    /** Reads what the good client got so far; true once enough heartbeats and events arrived during the storm. */
    private static boolean flowed(WsClient good, List<JsonObject> received) {
        received.addAll(good.takeAll());
        return count(received, "heartbeat") >= BEATS_DURING && count(received, "message") >= EVENTS_DURING;
    }

    private static JsonObject event(int n) {
        return WsClient.parse(BadTokenStorm.event(n));
    }

    /** Without the servlet filter, a refused client of an {@code authFailure=http} entry is upgraded, gets no frame, and is closed with 1008. */
    private static String closedWithoutAFrame(Outcome outcome) {
        if (outcome.error() != null || outcome.exchange().status() != 101) {
            return "no upgrade";
        }
        if (!outcome.exchange().frames().isEmpty()) {
            return "frames after the upgrade";
        }
        return outcome.exchange().close() == null || outcome.exchange().close().code() != 1008 ? "no close 1008" : null;
    }

    static void assertEveryRefusal(List<Outcome> outcomes, Function<Outcome, String> problem) {
        assertTrue(outcomes.size() >= PER_ENTRY, "clients tried: " + outcomes.size());
        List<String> wrong = outcomes.stream().filter(outcome -> problem.apply(outcome) != null)
                .map(outcome -> problem.apply(outcome) + ": " + outcome.describe()).toList();
        assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())),
                wrong.size() + " of " + outcomes.size() + " refused clients got something else (the first five shown)");
    }
}
