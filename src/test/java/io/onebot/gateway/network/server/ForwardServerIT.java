package io.onebot.gateway.network.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.Gateway;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The forward server over real WebSocket connections on Payara Micro, as a client sees it:
 * routes, NapCat's 1403 refusal, lifecycle and heartbeat, the envelope and echo, errors, frame
 * sizes and the fan-out. Entry {@code it}: token {@code it-token}, {@code authFailure=frame},
 * array format, self messages not reported, heartbeat every 500 ms, account 4242.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForwardServerIT {

    private static final String TOKEN = "it-token";
    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + TOKEN);
    private static final String REFUSAL =
            "{\"status\":\"failed\",\"retcode\":1403,\"data\":null,\"message\":\"token验证失败\",\"wording\":\"token验证失败\",\"echo\":null}";

    @ArquillianResource
    URL base;

    private Gateway gateway;

    @Deployment(testable = false)
    @TargetsContainer("main")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @BeforeEach
    void gateway() {
        gateway = new Gateway("127.0.0.1", base);
    }

    private WsClient universal(String path) throws Exception {
        WsClient client = WsClient.connect(gateway.ws(path), AUTH);
        assertLifecycle(client.next());
        return client;
    }

    private static void assertLifecycle(JsonObject frame) {
        assertEquals("meta_event", frame.getString("post_type"));
        assertEquals("lifecycle", frame.getString("meta_event_type"));
        assertEquals("connect", frame.getString("sub_type"));
        assertEquals(4242, frame.getJsonNumber("self_id").longValueExact());
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(frame.getJsonNumber("time").longValueExact() - now) < 60, "time is Unix seconds");
    }

    private String injectMessage(String text) throws Exception {
        HttpResponse<String> response = gateway.inject(
                "{\"message_type\":\"private\",\"user_id\":20001,\"message\":\"" + text + "\"}", "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static boolean isMessage(JsonObject frame) {
        return frame.getString("post_type", "").startsWith("message");
    }

    @Test
    void lifecycleComesFirstAndARequestSentAtOnceIsAnswered() throws Exception {
        try (WsClient client = WsClient.connect(gateway.ws("/"), AUTH)) {
            client.request("get_login_info", null, Json.createValue("login"));
            assertLifecycle(client.next());
            JsonObject answer = client.response(Json.createValue("login"));
            assertEquals("ok", answer.getString("status"));
            assertEquals(0, answer.getInt("retcode"));
            assertEquals(4242, answer.getJsonObject("data").getJsonNumber("user_id").longValueExact());
            assertEquals("ItBot", answer.getJsonObject("data").getString("nickname"));
            assertFalse(answer.containsKey("post_type"));
        }
    }

    @Test
    void heartbeatsCarryTheIntervalAndStatus() throws Exception {
        try (WsClient client = universal("/")) {
            for (int i = 0; i < 2; i++) {
                JsonObject beat = client.next();
                assertEquals("heartbeat", beat.getString("meta_event_type"));
                assertEquals(500, beat.getInt("interval"));
                assertEquals(4242, beat.getJsonNumber("self_id").longValueExact());
                assertEquals(Json.createObjectBuilder().add("online", true).add("good", true).build(),
                        beat.getJsonObject("status"));
                assertFalse(beat.containsKey("echo"));
            }
        }
    }

    @Test
    void eventPathsAreUniversalAndTheQueryStringDoesNotRoute() throws Exception {
        for (String path : List.of("/event", "/event/", "/ws", "/onebot/v11/ws", "/?access_token=" + TOKEN)) {
            try (WsClient client = path.contains("access_token") ? WsClient.connect(gateway.ws(path)) : WsClient.connect(gateway.ws(path), AUTH)) {
                assertLifecycle(client.next());
                client.request("get_status", null, Json.createValue(path));
                assertEquals(0, client.response(Json.createValue(path)).getInt("retcode"), path);
            }
        }
    }

    @Test
    void apiPathsAnswerButPushNothing() throws Exception {
        for (String path : List.of("/api", "/api/", "/api?access_token=" + TOKEN)) {
            try (WsClient client = path.contains("access_token") ? WsClient.connect(gateway.ws(path)) : WsClient.connect(gateway.ws(path), AUTH)) {
                client.request("get_status", null, Json.createValue(1));
                JsonObject answer = client.next();
                assertEquals(1, answer.getInt("echo"), path + " answers first, with no lifecycle before it");
                assertTrue(answer.getJsonObject("data").getBoolean("online"));
                injectMessage("not for /api");
                assertNull(client.poll(Duration.ofMillis(1500)), path + " gets no event and no heartbeat");
            }
        }
    }

    @Test
    void everyTokenFormIsAccepted() throws Exception {
        List<Map<String, String>> forms = List.of(
                Map.of("Authorization", "Bearer " + TOKEN),
                Map.of("Authorization", "bearer " + TOKEN),
                Map.of("Authorization", "Token " + TOKEN));
        for (Map<String, String> headers : forms) {
            try (WsClient client = WsClient.connect(gateway.ws("/"), headers)) {
                assertLifecycle(client.next());
            }
        }
        try (WsClient client = WsClient.connect(gateway.ws("/?access_token=" + TOKEN))) {
            assertLifecycle(client.next());
        }
    }

    @Test
    void aRefusedConnectionGetsTheRefusalFrameAndNothingElse() throws Exception {
        List<WsClient> refused = new ArrayList<>();
        refused.add(WsClient.connect(gateway.ws("/")));
        refused.add(WsClient.connect(gateway.ws("/"), Map.of("Authorization", "Bearer wrong")));
        refused.add(WsClient.connect(gateway.ws("/?access_token=wrong")));
        refused.add(WsClient.connect(gateway.ws("/api?access_token=")));
        for (WsClient client : refused) {
            client.request("get_login_info", null, Json.createValue("sneaky"));
            assertEquals(REFUSAL, client.nextText());
            CloseReason reason = client.awaitClose();
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), reason.getCloseCode().getCode());
            assertNull(client.poll(Duration.ofMillis(300)), "nothing after the refusal");
            client.close();
        }
    }

    @Test
    void concurrentRefusalsWhileEventsFlowServeNothing() throws Exception {
        try (WsClient listener = universal("/")) {
            List<WsClient> refused = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    WsClient client = WsClient.connect(gateway.ws(i % 2 == 0 ? "/" : "/?access_token=bad"));
                    client.request("get_login_info", null, Json.createValue(i));
                    refused.add(client);
                }
                injectMessage("during the refusals");
                assertEquals("during the refusals", listener.next(ForwardServerIT::isMessage, new ArrayList<>())
                        .getString("raw_message"));
                for (WsClient client : refused) {
                    assertEquals(REFUSAL, client.nextText());
                    assertEquals(1008, client.awaitClose().getCloseCode().getCode());
                    assertNull(client.poll(Duration.ZERO), "nothing but the refusal");
                }
            } finally {
                for (WsClient client : refused) {
                    client.close();
                }
            }
        }
    }

    @Test
    void echoComesBackInItsOwnJsonType() throws Exception {
        try (WsClient client = universal("/")) {
            List<JsonValue> echoes = List.of(Json.createValue("42"), Json.createValue(42),
                    Json.createValue(new java.math.BigInteger("9007199254740993")),
                    Json.createObjectBuilder().add("reqid", "x").build(),
                    Json.createArrayBuilder().add(1).add("a").build(), JsonValue.TRUE,
                    Json.createValue("V1StGXR8_Z5jdHi6B-myT"));
            for (JsonValue echo : echoes) {
                client.request("get_status", null, echo);
                assertEquals(echo, client.response(echo).get("echo"));
            }
            client.send("{\"action\":\"get_status\"}");
            JsonObject noEcho = client.next(json -> !json.containsKey("post_type"), new ArrayList<>());
            assertEquals(JsonValue.NULL, noEcho.get("echo"));
            client.send("{\"action\":\"get_status\",\"echo\":9007199254740993}");
            String raw = client.nextText();
            while (raw.contains("post_type")) {
                raw = client.nextText();
            }
            assertTrue(raw.endsWith("\"echo\":9007199254740993}"), raw);
        }
    }

    @Test
    void mistakesGetOneClearAnswerAndTheConnectionStaysOpen() throws Exception {
        try (WsClient client = WsClient.connect(gateway.ws("/api"), AUTH)) {
            client.send("not json");
            assertFailure(client.next(), 1400, "json解析失败,请检查数据格式", JsonValue.NULL);
            client.send("123");
            assertFailure(client.next(), 1400, "json解析失败,请检查数据格式", JsonValue.NULL);
            client.send("{\"action\":\"no_such_action\",\"echo\":\"u\"}");
            assertFailure(client.next(), 1404, "不支持的API no_such_action", Json.createValue("u"));
            client.send("{\"action\":\"get_group_info\",\"params\":{},\"echo\":\"p\"}");
            JsonObject missing = client.next();
            assertFailure(missing, 1400, null, Json.createValue("p"));
            assertTrue(missing.getString("message").contains("group_id"), missing.toString());
            client.send("{\"action\":\"send_private_msg\",\"params\":{\"user_id\":20001},\"echo\":\"m\"}");
            JsonObject noMessage = client.next();
            assertFailure(noMessage, 1400, null, Json.createValue("m"));
            assertTrue(noMessage.getString("message").contains("message"), noMessage.toString());
            client.send("{\"action\":\"get_group_info\",\"params\":{\"group_id\":\"abc\"},\"echo\":\"t\"}");
            assertFailure(client.next(), 1400, null, Json.createValue("t"));
            client.send("{\"action\":\"get_group_info\",\"params\":\"abc\",\"echo\":\"o\"}");
            assertFailure(client.next(), 1400, null, Json.createValue("o"));
            client.send("{\"action\":\"get_group_info\",\"params\":{\"group_id\":99},\"echo\":\"g\"}");
            JsonObject unknownGroup = client.next();
            assertFailure(unknownGroup, 1200, null, Json.createValue("g"));
            assertTrue(unknownGroup.getString("message").contains("99"), unknownGroup.toString());
            client.request("get_status", null, Json.createValue("still"));
            assertEquals("ok", client.next().getString("status"));
            assertTrue(client.isOpen());
        }
    }

    private static void assertFailure(JsonObject answer, int retcode, String message, JsonValue echo) {
        assertEquals("failed", answer.getString("status"));
        assertEquals(retcode, answer.getInt("retcode"));
        assertEquals(JsonValue.NULL, answer.get("data"));
        if (message != null) {
            assertEquals(message, answer.getString("message"));
        }
        assertEquals(answer.getString("message"), answer.getString("wording"));
        assertEquals(echo, answer.get("echo"));
    }

    @Test
    void json5SuffixesAndNumericStringIdsWork() throws Exception {
        try (WsClient client = WsClient.connect(gateway.ws("/api"), AUTH)) {
            client.send("{action:'get_version_info', echo:0x10, /* comment */ params:{},}");
            JsonObject version = client.next();
            assertEquals(16, version.getInt("echo"));
            assertEquals("v11", version.getJsonObject("data").getString("protocol_version"));
            for (String action : List.of("get_login_info_async", "get_login_info_rate_limited")) {
                client.request(action, null, Json.createValue(action));
                JsonObject answer = client.next();
                assertEquals(0, answer.getInt("retcode"), action);
                assertEquals(4242, answer.getJsonObject("data").getJsonNumber("user_id").longValueExact());
            }
            client.send("{\"action\":\"get_group_member_info\",\"params\":{\"group_id\":\"30001\",\"user_id\":\"20001\"}}");
            JsonObject member = client.next().getJsonObject("data");
            assertEquals("admin", member.getString("role"));
            client.sendBinary("{\"action\":\"get_status\",\"echo\":\"bin\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals("bin", client.next().getString("echo"));
            client.sendBinary(new byte[] {(byte) 0xC3, (byte) 0x28});
            assertEquals(1400, client.next().getInt("retcode"));
        }
    }

    @Test
    void tenMebibyteFramesAreServedAndOverFiftyCloseWith1009() throws Exception {
        try (WsClient client = WsClient.connect(gateway.ws("/api"), AUTH)) {
            String big = "x".repeat(10 * 1024 * 1024);
            client.request("get_status", null, Json.createValue(big));
            JsonObject answer = WsClient.parse(client.poll(Duration.ofSeconds(60)));
            assertEquals(big, answer.getString("echo"));
            assertTrue(client.isOpen(), "10 MiB left the connection open");
        }
        // The server may refuse the frame from its header and close while the client is still
        // writing; TCP can then drop the close frame on the client's side. So: every attempt is
        // closed without an answer, and the close code the server sends, 1009, is seen.
        String tooBig = "{\"action\":\"get_status\",\"echo\":\"" + "y".repeat(51 * 1024 * 1024) + "\"}";
        List<Integer> codes = new ArrayList<>();
        for (int attempt = 0; attempt < 3 && !codes.contains(1009); attempt++) {
            try (WsClient client = WsClient.connect(gateway.ws("/api"), AUTH)) {
                client.send(tooBig);
                codes.add(client.awaitClose(Duration.ofSeconds(60)).getCloseCode().getCode());
                assertNull(client.poll(Duration.ZERO), "an oversized frame is not answered");
            }
        }
        assertTrue(codes.contains(CloseReason.CloseCodes.TOO_BIG.getCode()), "close codes seen: " + codes);
    }

    @Test
    void fiftyConnectionsEachReceiveAnInjectedEventOnce() throws Exception {
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                clients.add(universal("/"));
            }
            String body = injectMessage("hello [CQ:face,id=1] &amp; more");
            int id = WsClient.parse(body).getJsonArray("message_ids").getInt(0);
            for (WsClient client : clients) {
                JsonObject event = client.next(ForwardServerIT::isMessage, new ArrayList<>());
                assertEquals(id, event.getInt("message_id"));
                assertEquals("message", event.getString("post_type"));
                assertEquals("array", event.getString("message_format"));
                assertEquals("hello [CQ:face,id=1] &amp; more", event.getString("raw_message"));
                assertEquals("face", event.getJsonArray("message").getJsonObject(1).getString("type"));
                assertEquals("1", event.getJsonArray("message").getJsonObject(1).getJsonObject("data").getString("id"));
                assertEquals(20001, event.getJsonObject("sender").getJsonNumber("user_id").longValueExact());
                assertFalse(event.containsKey("echo"));
            }
            injectMessage("second");
            for (WsClient client : clients) {
                JsonObject next = client.next(ForwardServerIT::isMessage, new ArrayList<>());
                assertEquals("second", next.getString("raw_message"), "the first event came exactly once");
            }
        } finally {
            for (WsClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void selfMessagesAreNotReportedButCanBeFetched() throws Exception {
        try (WsClient client = universal("/")) {
            client.send("{\"action\":\"send_msg\",\"params\":{\"message_type\":\"group\",\"group_id\":30001,\"user_id\":20001,"
                    + "\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"from the bot\"}}]},\"echo\":\"send\"}");
            JsonObject sent = client.response(Json.createValue("send"));
            int id = sent.getJsonObject("data").getInt("message_id");
            client.request("get_msg", Json.createObjectBuilder().add("message_id", id).build(), Json.createValue("get"));
            JsonObject message = client.response(Json.createValue("get")).getJsonObject("data");
            assertEquals("group", message.getString("message_type"));
            assertEquals(30001, message.getJsonNumber("group_id").longValueExact());
            assertEquals("from the bot", message.getJsonArray("message").getJsonObject(0).getJsonObject("data").getString("text"));
            injectMessage("marker");
            JsonObject first = client.next(ForwardServerIT::isMessage, new ArrayList<>());
            assertEquals("marker", first.getString("raw_message"), "the bot's own message was not delivered");
            client.request("delete_msg", Json.createObjectBuilder().add("message_id", id).build(), Json.createValue("del"));
            assertEquals(0, client.response(Json.createValue("del")).getInt("retcode"));
            client.request("get_msg", Json.createObjectBuilder().add("message_id", id).build(), Json.createValue("gone"));
            assertEquals(1200, client.response(Json.createValue("gone")).getInt("retcode"));
        }
    }

    @Test
    void theSandboxEndpointChecksTokenAndBodyAndEmitsInOrder() throws Exception {
        assertEquals(401, gateway.inject("{\"message_type\":\"private\",\"user_id\":1,\"message\":\"x\"}", null).statusCode());
        assertEquals(403, gateway.inject("{\"message_type\":\"private\",\"user_id\":1,\"message\":\"x\"}", "Bearer no").statusCode());
        try (WsClient client = universal("/")) {
            HttpResponse<String> bad = gateway.inject("[{\"message_type\":\"private\",\"user_id\":20002,\"message\":\"ok\"},"
                    + "{\"message_type\":\"group\",\"group_id\":1,\"user_id\":2,\"message\":\"x\"}]", "Bearer " + TOKEN);
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("event[1]"), bad.body());
            assertEquals(400, gateway.inject("{not json", "Bearer " + TOKEN).statusCode());
            HttpResponse<String> good = gateway.inject("[{\"message_type\":\"private\",\"user_id\":20002,\"message\":\"one\"},"
                    + "{\"post_type\":\"notice\",\"notice_type\":\"friend_add\",\"user_id\":20009},"
                    + "{\"message_type\":\"group\",\"group_id\":30002,\"user_id\":20003,\"raw_message\":\"two\"}]", "Bearer " + TOKEN);
            assertEquals(200, good.statusCode(), good.body());
            List<JsonObject> skipped = new ArrayList<>();
            assertEquals("one", client.next(ForwardServerIT::isMessage, skipped).getString("raw_message"),
                    "the rejected batch emitted nothing");
            JsonObject notice = client.next(json -> "notice".equals(json.getString("post_type", "")), skipped);
            assertEquals("friend_add", notice.getString("notice_type"));
            assertEquals(4242, notice.getJsonNumber("self_id").longValueExact());
            JsonObject group = client.next(ForwardServerIT::isMessage, skipped);
            assertEquals("two", group.getJsonArray("message").getJsonObject(0).getJsonObject("data").getString("text"));
            assertEquals("member", group.getJsonObject("sender").getString("role"));
            assertEquals(JsonValue.NULL, group.get("anonymous"));
        }
    }
}
