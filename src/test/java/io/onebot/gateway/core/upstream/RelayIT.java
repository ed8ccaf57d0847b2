package io.onebot.gateway.core.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.Gateway;
import io.onebot.gateway.testsupport.TcpProxy;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway with the upstream core in front of a gateway with the sandbox core, as it would
 * stand in front of NapCat: the relay dials the sandbox gateway's forward WebSocket through a TCP
 * relay the test controls, so that the upstream can go down, come back, or fall silent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RelayIT {

    private static final int UPSTREAM_PORT = Integer.getInteger("it.upstream.port", 18767);
    private static final String SANDBOX_BEARER = "Bearer it-token";
    private static final String RELAY_BEARER = "Bearer relay-token";

    @ArquillianResource
    @OperateOnDeployment("sandbox")
    URL sandboxBase;

    @ArquillianResource
    @OperateOnDeployment("relay")
    URL relayBase;

    private TcpProxy proxy;
    private Gateway sandbox;
    private Gateway relay;

    @Deployment(name = "sandbox", testable = false)
    @TargetsContainer("main")
    static WebArchive sandboxGateway() {
        return Deployments.gatewayWar();
    }

    @Deployment(name = "relay", testable = false)
    @TargetsContainer("relay")
    static WebArchive relayGateway() {
        return Deployments.gatewayWar();
    }

    @BeforeEach
    void upstreamUp() throws Exception {
        sandbox = new Gateway("127.0.0.1", sandboxBase);
        relay = new Gateway("127.0.0.1", relayBase);
        assertEquals(200, sandbox.sandbox("POST", "/reset", null, SANDBOX_BEARER).statusCode());
        proxy = new TcpProxy(UPSTREAM_PORT, new InetSocketAddress("127.0.0.1", sandboxBase.getPort()));
        proxy.start();
        awaitRelayOnline();
    }

    @AfterEach
    void upstreamDown() {
        proxy.close();
    }

    /** A client on the relay; answers once the relay's upstream is connected (get_status says online). */
    private WsClient client() throws Exception {
        WsClient client = WsClient.connect(relay.ws("/"), Map.of("Authorization", RELAY_BEARER));
        JsonObject lifecycle = client.next();
        assertEquals("lifecycle", lifecycle.getString("meta_event_type"), lifecycle.toString());
        return client;
    }

    private void awaitRelayOnline() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            try (WsClient probe = WsClient.connect(relay.ws("/api"), Map.of("Authorization", RELAY_BEARER))) {
                probe.request("get_login_info", null, Json.createValue("probe"));
                JsonObject answer = probe.response(Json.createValue("probe"));
                return answer.getInt("retcode") == 0;
            }
        });
    }

    private static JsonObject call(WsClient client, String action, String params, JsonValue echo) throws Exception {
        client.request(action, WsClient.parse(params), echo);
        return client.response(echo);
    }

    @Test
    void theSandboxsEventsReachARelayClientInItsOwnFormat() throws Exception {
        try (WsClient client = client()) {
            HttpResponse<String> said = sandbox.sandbox("POST", "/messages",
                    "{\"user_id\":20001,\"group_id\":30001,\"message\":[{\"type\":\"face\",\"data\":{\"id\":\"14\"}},"
                            + "{\"type\":\"text\",\"data\":{\"text\":\"hi [all]\"}}]}", SANDBOX_BEARER);
            assertEquals(200, said.statusCode(), said.body());

            JsonObject event = client.next(frame -> "message".equals(frame.getString("post_type", "")), new ArrayList<>());
            assertEquals("[CQ:face,id=14]hi &#91;all&#93;", event.getString("message"), "the relay entry posts strings");
            assertEquals("string", event.getString("message_format"));
            assertEquals(4242, event.getJsonNumber("self_id").longValue(), "the sandbox account's number");
            assertEquals(30001, event.getInt("group_id"));
            assertEquals(WsClient.parse(said.body()).getInt("message_id"), event.getInt("message_id"));
        }
    }

    @Test
    void callsFromSeveralConnectionsAreAnsweredEachWithItsOwnEchoAndData() throws Exception {
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                clients.add(WsClient.connect(relay.ws("/api"), Map.of("Authorization", RELAY_BEARER)));
            }
            List<CompletableFuture<Void>> checks = new ArrayList<>();
            for (int c = 0; c < clients.size(); c++) {
                WsClient client = clients.get(c);
                int connection = c;
                checks.add(CompletableFuture.runAsync(() -> {
                    try {
                        for (int i = 0; i < 25; i++) {
                            JsonValue echo = connection % 2 == 0 ? Json.createValue("c" + connection + "-" + i)
                                    : Json.createObjectBuilder().add("c", connection).add("i", i).build();
                            client.request(i % 2 == 0 ? "get_group_info" : "get_login_info",
                                    WsClient.parse("{\"group_id\":30001}"), echo);
                        }
                        // Answers come as they are ready, not in request order: match them by echo.
                        Map<JsonValue, JsonObject> byEcho = new HashMap<>();
                        for (int i = 0; i < 25; i++) {
                            JsonObject answer = client.next();
                            assertNull(byEcho.put(answer.get("echo"), answer), "one answer per echo: " + answer);
                        }
                        for (int i = 0; i < 25; i++) {
                            JsonValue echo = connection % 2 == 0 ? Json.createValue("c" + connection + "-" + i)
                                    : Json.createObjectBuilder().add("c", connection).add("i", i).build();
                            JsonObject answer = byEcho.get(echo);
                            assertNotNull(answer, "the answer to " + echo + " came to this connection");
                            assertEquals(0, answer.getInt("retcode"), answer.toString());
                            JsonObject data = answer.getJsonObject("data");
                            if (i % 2 == 0) {
                                assertEquals(30001, data.getInt("group_id"), answer.toString());
                            } else {
                                assertEquals(4242, data.getInt("user_id"), answer.toString());
                            }
                        }
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            for (WsClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void aMessageReadBackThroughTheRelayIsInTheRelayClientsFormat() throws Exception {
        try (WsClient client = WsClient.connect(relay.ws("/api"), Map.of("Authorization", RELAY_BEARER))) {
            JsonObject sent = call(client, "send_group_msg",
                    "{\"group_id\":30001,\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"relayed\"}},"
                            + "{\"type\":\"at\",\"data\":{\"qq\":\"20001\"}}]}", Json.createValue(1));
            assertEquals(0, sent.getInt("retcode"), sent.toString());
            int messageId = sent.getJsonObject("data").getInt("message_id");

            JsonObject read = call(client, "get_msg", "{\"message_id\":" + messageId + "}", Json.createValue(2));
            assertEquals(0, read.getInt("retcode"), read.toString());
            assertEquals("relayed[CQ:at,qq=20001]", read.getJsonObject("data").getString("message"));
        }
    }

    /**
     * An event of 12 million characters (a 6 MiB message, with its raw text) from the upstream
     * reaches a relay client: the relay's own WebSocket client takes frames over its runtime's
     * default (4 MiB for Tyrus). It travels as an event, which has no time limit; calls are
     * bounded here at 2000 ms, too short for such sizes on a busy machine.
     */
    @Test
    void anEventOfManyMegabytesFromTheUpstreamReachesARelayClient() throws Exception {
        String text = "m".repeat(6 * 1024 * 1024);
        try (WsClient client = client()) {
            HttpResponse<String> said = sandbox.sandbox("POST", "/messages",
                    "{\"user_id\":20001,\"group_id\":30001,\"message\":\"" + text + "\"}", SANDBOX_BEARER);
            assertEquals(200, said.statusCode(), said.body());

            JsonObject event = client.next(frame -> "message".equals(frame.getString("post_type", "")), new ArrayList<>());
            assertEquals(text, event.getString("message"));
            assertEquals(WsClient.parse(said.body()).getInt("message_id"), event.getInt("message_id"));
        }
    }

    @Test
    void anUpstreamThatGoesDownIsAnswered1503AtOnceAndItsReturnIsSurvived() throws Exception {
        try (WsClient client = client()) {
            proxy.stop();

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonValue echo = Json.createValue("down-" + System.nanoTime());
                JsonObject answer = call(client, "get_friend_list", "{}", echo);
                assertEquals(1503, answer.getInt("retcode"), answer.toString());
                assertEquals("the upstream OneBot implementation is not connected; try again when it is back",
                        answer.getString("message"));
            });
            JsonObject heartbeat = client.next(frame -> "heartbeat".equals(frame.getString("meta_event_type", ""))
                    && !frame.getJsonObject("status").getBoolean("online"), new ArrayList<>());
            assertFalse(heartbeat.getJsonObject("status").getBoolean("good"), heartbeat.toString());

            proxy.start();
            awaitRelayOnline();
            assertTrue(client.isOpen(), "the client connection stayed open throughout");
            JsonObject back = call(client, "get_login_info", "{}", Json.createValue("back"));
            assertEquals(4242, back.getJsonObject("data").getInt("user_id"));
        }
    }

    @Test
    void anUpstreamThatFallsSilentIsAnswered1504AfterTheTimeout() throws Exception {
        try (WsClient client = WsClient.connect(relay.ws("/api"), Map.of("Authorization", RELAY_BEARER))) {
            proxy.pauseAnswers();
            long started = System.nanoTime();
            JsonObject answer = call(client, "get_group_list", "{}", Json.createValue("silent"));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            proxy.resumeAnswers();

            assertEquals(1504, answer.getInt("retcode"), answer.toString());
            assertEquals("the upstream did not answer get_group_list within 2000 ms", answer.getString("message"));
            assertTrue(tookMillis >= 1900, "answered at the timeout: " + tookMillis + " ms");
            JsonObject after = call(client, "get_login_info", "{}", Json.createValue("after"));
            assertEquals(0, after.getInt("retcode"), "the late answer was dropped, later calls work: " + after);
        }
    }

    @Test
    void theSandboxControlEndpointsAreOffOnTheRelay() throws Exception {
        assertEquals(404, relay.sandbox("GET", "/world", null, RELAY_BEARER).statusCode());
        assertEquals(404, relay.sandbox("POST", "/messages", "{\"user_id\":1,\"message\":\"x\"}", RELAY_BEARER).statusCode());
    }
}
