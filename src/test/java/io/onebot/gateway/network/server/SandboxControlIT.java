package io.onebot.gateway.network.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.Gateway;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
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
 * The sandbox's HTTP control surface on the {@code main} server (account 4242, token it-token),
 * as a bot author's test uses it: what a simulated person does arrives on a universal connection
 * exactly as the route answered it, the world can be read and reset, and mistakes get a status
 * and a reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SandboxControlIT {

    private static final String BEARER = "Bearer it-token";

    @ArquillianResource
    URL base;

    private Gateway gateway;

    @Deployment(testable = false)
    @TargetsContainer("main")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @BeforeEach
    void freshWorld() throws Exception {
        gateway = new Gateway("127.0.0.1", base);
        assertEquals(200, gateway.sandbox("POST", "/reset", null, BEARER).statusCode());
    }

    private JsonObject ok(String route, String body) throws Exception {
        HttpResponse<String> response = gateway.sandbox("POST", route, body, BEARER);
        assertEquals(200, response.statusCode(), response.body());
        return WsClient.parse(response.body());
    }

    private WsClient universal() throws Exception {
        WsClient client = WsClient.connect(gateway.ws("/"), Map.of("Authorization", BEARER));
        assertEquals("lifecycle", client.next().getString("meta_event_type"));
        return client;
    }

    private static JsonObject nextEvent(WsClient client, String postType) throws InterruptedException {
        return client.next(frame -> postType.equals(frame.getString("post_type", "")), new ArrayList<>());
    }

    @Test
    void whatAPersonSaysArrivesAsTheRouteAnsweredIt() throws Exception {
        try (WsClient client = universal()) {
            JsonObject answer = ok("/messages", "{\"user_id\":20001,\"group_id\":30001,\"message\":\"hello [CQ:at,qq=4242]\"}");
            JsonObject produced = answer.getJsonArray("events").getJsonObject(0);
            JsonObject received = nextEvent(client, "message");
            assertEquals(produced, received, "the connection gets exactly the answered event");
            assertEquals(answer.getInt("message_id"), received.getInt("message_id"));
            assertEquals("group", received.getString("message_type"));
            assertEquals("admin", received.getJsonObject("sender").getString("role"));
        }
    }

    @Test
    void requestsAndNoticesChangeTheWorld() throws Exception {
        try (WsClient client = universal()) {
            String flag = ok("/requests", "{\"request_type\":\"friend\",\"user_id\":40001,\"nickname\":\"Eve\"}")
                    .getString("flag");
            assertEquals(flag, nextEvent(client, "request").getString("flag"));
            JsonObject poke = ok("/notices", "{\"notice_type\":\"notify\",\"sub_type\":\"poke\",\"user_id\":20001}")
                    .getJsonArray("events").getJsonObject(0);
            assertFalse(poke.containsKey("group_id"), "a friend poke has no group_id key");
            assertEquals(poke, nextEvent(client, "notice"));
            ok("/notices", "{\"notice_type\":\"group_increase\",\"group_id\":30001,\"user_id\":40002}");
            assertEquals("group_increase", nextEvent(client, "notice").getString("notice_type"));
        }
        JsonObject world = WsClient.parse(gateway.sandbox("GET", "/world", null, BEARER).body());
        assertEquals(4242, world.getJsonObject("self").getJsonNumber("user_id").longValueExact());
        assertEquals(1, world.getJsonArray("friend_requests").size());
        assertTrue(world.getJsonArray("groups").getJsonObject(0).getJsonArray("members").stream()
                .anyMatch(member -> member.asJsonObject().getJsonNumber("user_id").longValueExact() == 40002));

        JsonObject reset = ok("/reset", null);
        assertEquals(0, reset.getJsonArray("friend_requests").size(), "reset forgets the request");
    }

    @Test
    void mistakesGetAStatusAndAReason() throws Exception {
        HttpResponse<String> notMember = gateway.sandbox("POST", "/messages",
                "{\"user_id\":20003,\"group_id\":30001,\"message\":\"x\"}", BEARER);
        assertEquals(400, notMember.statusCode());
        assertTrue(notMember.body().contains("not a member of group 30001"), notMember.body());
        assertEquals(400, gateway.sandbox("POST", "/notices", "[1,2]", BEARER).statusCode());
        assertEquals(400, gateway.sandbox("POST", "/requests", "{not json", BEARER).statusCode());
        assertEquals(404, gateway.sandbox("POST", "/nothing", "{}", BEARER).statusCode());
        HttpResponse<String> wrongMethod = gateway.sandbox("GET", "/messages", null, BEARER);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertEquals(401, gateway.sandbox("GET", "/world", null, null).statusCode());
        assertEquals(403, gateway.sandbox("POST", "/reset", null, "Bearer wrong").statusCode());
    }
}
