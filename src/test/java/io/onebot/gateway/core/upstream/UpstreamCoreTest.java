package io.onebot.gateway.core.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.action.ActionDispatcher;
import io.onebot.gateway.action.ActionExecutor;
import io.onebot.gateway.action.ActionRegistry;
import io.onebot.gateway.bootstrap.CoreProducer;
import io.onebot.gateway.codec.ResponseEncoder;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.Deadlines;
import io.onebot.gateway.event.EventFanout;
import io.onebot.gateway.event.EventSink;
import io.onebot.gateway.protocol.message.MessageFormat;
import io.onebot.gateway.testsupport.OneBotStub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upstream core against a stand-in OneBot 11 implementation: the account is learnt from it,
 * calls are relayed under the gateway's own echoes and answered to their callers with theirs,
 * messages follow each caller's format, and a silent or lost upstream gives the documented 1504
 * and 1503 answers without closing anything downstream.
 */
@EnableWeld
class UpstreamCoreTest {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2);
    private static final long WAIT = 10_000;
    private static OneBotStub stub;

    /** The relay's settings, pointing at the stub. */
    @ApplicationScoped
    static class TestSettings implements Settings {
        private final GatewaySettings current = SettingsReader.read(Map.of(
                "onebot.core", "upstream",
                "onebot.upstream.url", "ws://127.0.0.1:" + stub.port() + "/",
                "onebot.upstream.token", "up-secret",
                "onebot.upstream.reconnectInterval", "200",
                "onebot.upstream.timeout", "2000"));

        @Override
        public GatewaySettings current() {
            return current;
        }

        @Produces
        GatewaySettings settings() {
            return current;
        }
    }

    /** A client connection's event side. */
    record Sink(MessageFormat messageFormat, boolean reportSelfMessage, BlockingQueue<String> frames)
            implements EventSink {

        Sink(MessageFormat format, boolean self) {
            this(format, self, new LinkedBlockingQueue<>());
        }

        @Override
        public String entryName() {
            return "sink-" + messageFormat;
        }

        @Override
        public void send(String frame) {
            frames.add(frame);
        }

        JsonObject next() throws InterruptedException {
            String frame = frames.poll(WAIT, TimeUnit.MILLISECONDS);
            assertNotNull(frame, "an event arrives");
            return parse(frame);
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(new Weld().disableDiscovery()
                    .addBeanClasses(TestSettings.class, CoreProducer.class, UpstreamCore.class, UpstreamLink.class,
                            Deadlines.class, ActionRegistry.class, ActionDispatcher.class, ActionExecutor.class,
                            ResponseEncoder.class, EventFanout.class))
            .bindResource("java:comp/DefaultManagedScheduledExecutorService", SCHEDULER)
            .build();

    @Inject
    BotCore core;

    @Inject
    ActionDispatcher dispatcher;

    @Inject
    EventFanout fanout;

    @BeforeAll
    static void startStub() throws Exception {
        stub = OneBotStub.start(0, 3141592);
    }

    @AfterAll
    static void stopStub() {
        stub.close();
        SCHEDULER.shutdownNow();
    }

    @BeforeEach
    void connected() throws Exception {
        core.selfId(); // makes the core, which dials
        Awaitility.await().atMost(Duration.ofMillis(WAIT)).until(() -> core.selfId() == 3141592);
        Awaitility.await().atMost(Duration.ofMillis(WAIT)).until(() -> core.status().online());
        while (stub.nextCall(0) != null) {
            // calls left over from an earlier test's connection
        }
    }

    private CompletableFuture<JsonObject> call(String frame, MessageFormat format) {
        return dispatcher.handle(frame, new ActionContext("t", format)).thenApply(UpstreamCoreTest::parse)
                .toCompletableFuture();
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonObject await(CompletableFuture<JsonObject> answer) throws Exception {
        return answer.get(WAIT, TimeUnit.MILLISECONDS);
    }

    @Test
    void theAccountComesFromTheUpstreamAndTheHandshakeCarriesTheToken() throws Exception {
        assertEquals("Upstream", core.nickname());
        String authorization;
        String last = null;
        while ((authorization = stub.nextAuthorization(0)) != null) {
            last = authorization;
        }
        assertEquals("Bearer up-secret", last);
    }

    @Test
    void aCallIsRelayedUnderTheGatewaysEchoAndAnsweredWithTheCallersEchoUntouchedOtherwise() throws Exception {
        CompletableFuture<JsonObject> answer = call(
                "{\"action\":\"get_status\",\"params\":{\"a\":1},\"echo\":{\"mine\":[1,\"x\"]}}", MessageFormat.ARRAY);

        JsonObject relayed = stub.nextCall(WAIT);
        assertNotNull(relayed);
        assertEquals("get_status", relayed.getString("action"));
        assertEquals(parse("{\"a\":1}"), relayed.getJsonObject("params"));
        assertTrue(relayed.getString("echo").startsWith(UpstreamCore.ECHO_PREFIX), relayed.toString());

        stub.answer(relayed, "{\"online\":true,\"good\":true}");
        JsonObject got = await(answer);
        assertEquals(parse("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"online\":true,\"good\":true},\"message\":\"\","
                + "\"wording\":\"\",\"echo\":{\"mine\":[1,\"x\"]},\"stream\":\"normal-action\"}"), got);
    }

    /**
     * An upstream answer of many megabytes (the member list of a large group) passes: the
     * runtime's WebSocket client must take frames up to 50 MiB, not only its own default (4 MiB
     * for Tyrus), or the link would drop.
     */
    @Test
    void anAnswerOfManyMegabytesIsRelayed() throws Exception {
        CompletableFuture<JsonObject> answer = call("{\"action\":\"get_group_member_list\",\"params\":{\"group_id\":1},"
                + "\"echo\":\"big\"}", MessageFormat.ARRAY);
        // Over Tyrus's 4 MiB, and small enough to pass well within this test's 2000 ms timeout.
        String card = "c".repeat(6 * 1024 * 1024);
        stub.answer(stub.nextCall(WAIT), "[{\"user_id\":1,\"card\":\"" + card + "\"}]");
        JsonObject got = await(answer);
        assertEquals(0, got.getInt("retcode"), got.toString().substring(0, Math.min(300, got.toString().length())));
        assertEquals(card, got.getJsonArray("data").getJsonObject(0).getString("card"));
        assertTrue(stub.connected(), "the link stayed up");
    }

    @Test
    void concurrentCallersNeverGetEachOthersAnswers() throws Exception {
        int callers = 200;
        List<CompletableFuture<JsonObject>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            answers.add(call("{\"action\":\"get_stranger_info\",\"params\":{\"user_id\":" + i + "},\"echo\":" + i + "}",
                    i % 2 == 0 ? MessageFormat.ARRAY : MessageFormat.STRING));
        }
        List<JsonObject> relayed = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            JsonObject next = stub.nextCall(WAIT);
            assertNotNull(next, "call " + i + " reached the upstream");
            relayed.add(next);
        }
        assertEquals(callers, relayed.stream().map(c -> c.getString("echo")).distinct().count(), "echoes are unique");
        for (int i = relayed.size() - 1; i >= 0; i--) { // answered in reverse order
            JsonObject c = relayed.get(i);
            stub.answer(c, "{\"user_id\":" + c.getJsonObject("params").getInt("user_id") + "}");
        }
        for (int i = 0; i < callers; i++) {
            JsonObject got = await(answers.get(i));
            assertEquals(i, got.getInt("echo"));
            assertEquals(i, got.getJsonObject("data").getInt("user_id"));
        }
    }

    @Test
    void messagesInAnswersFollowTheCallersFormat() throws Exception {
        CompletableFuture<JsonObject> asString = call("{\"action\":\"get_msg\",\"params\":{\"message_id\":5},\"echo\":\"s\"}",
                MessageFormat.STRING);
        stub.answer(stub.nextCall(WAIT), "{\"message_id\":5,\"message_format\":\"array\",\"message\":["
                + "{\"type\":\"text\",\"data\":{\"text\":\"hi [1]\"}},{\"type\":\"face\",\"data\":{\"id\":\"14\"}}]}");
        JsonObject data = await(asString).getJsonObject("data");
        assertEquals("hi &#91;1&#93;[CQ:face,id=14]", data.getString("message"));
        assertEquals("string", data.getString("message_format"));
        assertEquals(5, data.getInt("message_id"));

        CompletableFuture<JsonObject> history = call("{\"action\":\"get_group_msg_history\",\"params\":{\"group_id\":1}}",
                MessageFormat.ARRAY);
        stub.answer(stub.nextCall(WAIT), "{\"messages\":[{\"message_id\":1,\"message\":\"[CQ:at,qq=2] yo\"}]}");
        JsonObject first = await(history).getJsonObject("data").getJsonArray("messages").getJsonObject(0);
        assertEquals(parse("{\"m\":[{\"type\":\"at\",\"data\":{\"qq\":\"2\"}},{\"type\":\"text\",\"data\":{\"text\":\" yo\"}}]}")
                .get("m"), first.get("message"));
    }

    @Test
    void anUnansweredCallFails1504AfterTheTimeoutAndTheLateAnswerIsDropped() throws Exception {
        CompletableFuture<JsonObject> answer = call("{\"action\":\"upload_group_file\",\"echo\":\"late\"}", MessageFormat.ARRAY);
        JsonObject relayed = stub.nextCall(WAIT);

        JsonObject got = await(answer);
        assertEquals("failed", got.getString("status"));
        assertEquals(1504, got.getInt("retcode"));
        assertEquals("the upstream did not answer upload_group_file within 2000 ms", got.getString("message"));
        assertEquals("late", got.getString("echo"));

        stub.answer(relayed, "null");
        UpstreamCore upstream = weld.select(UpstreamCore.class).get();
        Awaitility.await().atMost(Duration.ofMillis(WAIT)).until(() -> upstream.callsInFlight() == 0);
    }

    @Test
    void aLostUpstreamFailsCallsWith1503UntilItIsBackAndThenRelaysAgain() throws Exception {
        CompletableFuture<JsonObject> inFlight = call("{\"action\":\"get_friend_list\",\"echo\":1}", MessageFormat.ARRAY);
        assertNotNull(stub.nextCall(WAIT));

        stub.drop();
        JsonObject lost = await(inFlight);
        assertEquals(1503, lost.getInt("retcode"));
        assertEquals("the upstream connection closed before get_friend_list was answered", lost.getString("message"));

        // It reconnects by itself every 200 ms; until then, calls fail at once and the status says offline.
        Awaitility.await().atMost(Duration.ofMillis(WAIT)).until(() -> core.status().online() && stub.connected());
        CompletableFuture<JsonObject> again = call("{\"action\":\"get_friend_list\",\"echo\":2}", MessageFormat.ARRAY);
        stub.answer(stub.nextCall(WAIT), "[]");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, await(again).get("data"));
    }

    @Test
    void eventsReachEveryClientInItsFormatAndMetaEventsStayUpstream() throws Exception {
        Sink arrays = new Sink(MessageFormat.ARRAY, false);
        Sink strings = new Sink(MessageFormat.STRING, true);
        fanout.register(arrays);
        fanout.register(strings);
        try {
            stub.push("{\"time\":1,\"self_id\":3141592,\"post_type\":\"meta_event\",\"meta_event_type\":\"heartbeat\","
                    + "\"status\":{\"online\":false,\"good\":false},\"interval\":30000}");
            stub.push("{\"time\":2,\"self_id\":3141592,\"post_type\":\"message_sent\",\"message_type\":\"private\","
                    + "\"user_id\":9,\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"mine\"}}],\"raw_message\":\"mine\","
                    + "\"message_format\":\"array\"}");
            stub.push("{\"time\":3,\"self_id\":3141592,\"post_type\":\"message\",\"message_type\":\"group\",\"group_id\":7,"
                    + "\"user_id\":9,\"message\":\"[CQ:face,id=1]hey\",\"raw_message\":\"[CQ:face,id=1]hey\","
                    + "\"message_format\":\"string\",\"font\":14}");
            stub.push("{\"time\":4,\"self_id\":3141592,\"post_type\":\"notice\",\"notice_type\":\"group_recall\","
                    + "\"group_id\":7,\"user_id\":9,\"operator_id\":9,\"message_id\":5}");

            JsonObject message = arrays.next();
            assertEquals("message", message.getString("post_type"), "no meta event, no self message: " + message);
            assertEquals(parse("{\"m\":[{\"type\":\"face\",\"data\":{\"id\":\"1\"}},{\"type\":\"text\",\"data\":{\"text\":\"hey\"}}]}")
                    .get("m"), message.get("message"));
            assertEquals("array", message.getString("message_format"));
            assertEquals(14, message.getInt("font"));
            assertEquals("notice", arrays.next().getString("post_type"));
            assertNull(arrays.frames().poll(200, TimeUnit.MILLISECONDS));

            JsonObject sent = strings.next();
            assertEquals("message_sent", sent.getString("post_type"));
            assertEquals("mine", sent.getString("message"));
            assertEquals("string", sent.getString("message_format"));
            assertEquals("[CQ:face,id=1]hey", strings.next().getString("message"));
            assertEquals("notice", strings.next().getString("post_type"));

            Awaitility.await().atMost(Duration.ofMillis(WAIT)).until(() -> !core.status().good());
            assertFalse(core.status().online(), "the status reflects the upstream's last heartbeat");
        } finally {
            fanout.unregister(arrays);
            fanout.unregister(strings);
        }
    }
}
