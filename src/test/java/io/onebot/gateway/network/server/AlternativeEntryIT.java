package io.onebot.gateway.network.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.Gateway;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
 * The other choice of every per-entry option, on a second Payara Micro: entry {@code alt} refuses
 * bad tokens over HTTP (401/403 before the upgrade), writes messages as CQ strings, reports the
 * bot's own messages, sends no heartbeat, and serves only clients that connect to 127.0.0.2.
 * Entry {@code few} under {@code /few} serves at most two connections.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlternativeEntryIT {

    private static final String TOKEN = "alt-token";
    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + TOKEN);

    @ArquillianResource
    URL base;

    private Gateway gateway;

    @Deployment(testable = false)
    @TargetsContainer("alt")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @BeforeEach
    void gateway() {
        gateway = new Gateway("127.0.0.2", base);
    }

    @Test
    void badTokensAreRefusedBeforeTheUpgrade() throws Exception {
        assertEquals(401, gateway.handshakeStatus("/", null));
        assertEquals(401, gateway.handshakeStatus("/api?access_token=", null));
        assertEquals(403, gateway.handshakeStatus("/", "Bearer wrong"));
        assertEquals(403, gateway.handshakeStatus("/event?access_token=wrong", null));
        assertEquals(101, gateway.handshakeStatus("/", "Bearer " + TOKEN));
        assertEquals(101, gateway.handshakeStatus("/api?access_token=" + TOKEN, null));
    }

    @Test
    void aSecondEntryUnderItsPathHasItsOwnTokenAndFormat() throws Exception {
        Map<String, String> dashAuth = Map.of("Authorization", "Bearer dash-token");
        try (WsClient root = WsClient.connect(gateway.ws("/"), AUTH);
             WsClient dash = WsClient.connect(gateway.ws("/dash"), dashAuth);
             WsClient dashApi = WsClient.connect(gateway.ws("/dash/api"), dashAuth)) {
            assertEquals("lifecycle", root.next().getString("meta_event_type"));
            assertEquals("lifecycle", dash.next().getString("meta_event_type"));
            HttpResponse<String> injected = gateway.inject(
                    "{\"message_type\":\"private\",\"user_id\":20001,\"message\":\"to both [CQ:face,id=5]\"}",
                    "Bearer dash-token");
            assertEquals(200, injected.statusCode(), injected.body());
            JsonObject inString = root.next();
            JsonObject inArray = dash.next();
            assertEquals("to both [CQ:face,id=5]", inString.getString("message"));
            assertEquals("face", inArray.getJsonArray("message").getJsonObject(1).getString("type"));
            assertEquals(inString.getInt("message_id"), inArray.getInt("message_id"));
            dashApi.request("get_status", null, Json.createValue("d"));
            assertEquals("d", dashApi.next().getString("echo"), "/dash/api answers first: nothing pushed before");
        }
        try (WsClient wrong = WsClient.connect(gateway.ws("/dash"), AUTH)) {
            assertEquals(1403, wrong.next().getInt("retcode"), "the other entry's token does not open /dash");
        }
        assertEquals(403, gateway.handshakeStatus("/", "Bearer dash-token"), "nor does dash's open /");
    }

    @Test
    void onlyClientsOfTheConfiguredHostAddressAreServed() throws Exception {
        Gateway otherAddress = new Gateway("127.0.0.1", base);
        assertEquals(403, otherAddress.handshakeStatus("/", "Bearer " + TOKEN));
        assertEquals(101, gateway.handshakeStatus("/", "Bearer " + TOKEN));
    }

    @Test
    void messagesAreCqStringsAndSelfMessagesAreReported() throws Exception {
        try (WsClient client = WsClient.connect(gateway.ws("/"), AUTH)) {
            assertEquals("lifecycle", client.next().getString("meta_event_type"));
            HttpResponse<String> injected = gateway.inject("{\"message_type\":\"group\",\"group_id\":30001,\"user_id\":20001,"
                    + "\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"a&b[c],d\"}},"
                    + "{\"type\":\"image\",\"data\":{\"file\":\"x,y[1]&\",\"sub_type\":0}}]}", "Bearer " + TOKEN);
            assertEquals(200, injected.statusCode(), injected.body());
            String cq = "a&amp;b&#91;c&#93;,d[CQ:image,file=x&#44;y&#91;1&#93;&amp;,sub_type=0]";
            JsonObject event = client.next();
            assertEquals("string", event.getString("message_format"));
            assertEquals(cq, event.getString("message"));
            assertEquals(cq, event.getString("raw_message"));

            client.send("{\"action\":\"send_private_msg\",\"params\":{\"user_id\":20002,\"message\":\"hi [CQ:at,qq=20002]\"},\"echo\":\"s\"}");
            var skipped = new ArrayList<JsonObject>();
            JsonObject answer = client.next(json -> !json.containsKey("post_type")
                    && "s".equals(json.getString("echo", "")), skipped);
            int id = answer.getJsonObject("data").getInt("message_id");
            JsonObject self = skipped.isEmpty()
                    ? client.next(json -> json.containsKey("post_type"), skipped) : skipped.get(0);
            assertEquals("message_sent", self.getString("post_type"));
            assertEquals("self", self.getString("message_sent_type"));
            assertEquals(20002, self.getJsonNumber("target_id").longValueExact());
            assertEquals(5353, self.getJsonNumber("user_id").longValueExact());
            assertEquals(id, self.getInt("message_id"));
            assertEquals("hi [CQ:at,qq=20002]", self.getString("message"));

            client.request("get_msg", Json.createObjectBuilder().add("message_id", id).build(), Json.createValue("g"));
            JsonObject fetched = client.response(Json.createValue("g")).getJsonObject("data");
            assertEquals("hi [CQ:at,qq=20002]", fetched.getString("message"));
            assertEquals("string", fetched.getString("message_format"));
            assertNull(client.poll(Duration.ofMillis(1200)), "heartInterval=0 sends no heartbeat");
        }
    }

    @Test
    void anEntryAtItsMaxConnectionsRefusesWith503UntilOneCloses() throws Exception {
        Map<String, String> fewAuth = Map.of("Authorization", "Bearer few-token");
        try (WsClient first = WsClient.connect(gateway.ws("/few"), fewAuth);
             WsClient second = WsClient.connect(gateway.ws("/few/api"), fewAuth)) {
            assertEquals("lifecycle", first.next().getString("meta_event_type"));
            second.request("get_status", null, Json.createValue("f"));
            assertEquals("f", second.next().getString("echo"));
            assertEquals(503, gateway.handshakeStatus("/few", "Bearer few-token"), "maxConnections=2 is reached");
            try (WsClient wrong = WsClient.connect(gateway.ws("/few"), Map.of("Authorization", "Bearer wrong"))) {
                assertEquals(1403, wrong.next().getInt("retcode"), "a bad token is refused for its token, full or not");
            }
            assertEquals(101, gateway.handshakeStatus("/", "Bearer " + TOKEN), "other entries are not affected");

            first.close();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> gateway.handshakeStatus("/few", "Bearer few-token") == 101);
        }
    }
}
