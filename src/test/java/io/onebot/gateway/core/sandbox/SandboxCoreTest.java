package io.onebot.gateway.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.protocol.action.ActionResponse;
import io.onebot.gateway.protocol.event.GenericEvent;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.message.MessageFormat;
import io.onebot.gateway.protocol.message.Text;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * The sandbox account through its actions and its injector: state changes are real, every change
 * emits the event a real account would see, and bad input fails clearly without side effects.
 */
@EnableWeld
class SandboxCoreTest extends SandboxTestBase {

    @WeldSetup
    WeldInitiator weld = sandboxWith(Map.of("onebot.sandbox.messageCapacity", "3"));

    private final ActionContext array = new ActionContext("t", MessageFormat.ARRAY);

    private ActionResponse call(String request) {
        return dispatcher.respond(request, array).toCompletableFuture().join();
    }

    private static int messageId(ActionResponse response) {
        return ((io.onebot.gateway.protocol.action.MessageIdResult) response.data()).messageId();
    }

    @Test
    void sendMsgFollowsMessageTypeThenTheIdsPresent() {
        ActionResponse group = call("{\"action\":\"send_msg\",\"params\":{\"message_type\":\"group\",\"group_id\":30001,"
                + "\"user_id\":20001,\"message\":\"hi\"}}");
        assertTrue(group.isOk(), group.message());
        MessageEvent sent = (MessageEvent) recorder.events().get(0);
        assertTrue(sent.isGroup());
        assertTrue(sent.self());
        assertEquals(30001L, sent.groupId());
        assertEquals("owner", sent.sender().role());

        assertTrue(call("{\"action\":\"send_msg\",\"params\":{\"user_id\":20002,\"message\":{\"type\":\"text\",\"data\":{\"text\":\"x\"}}}}").isOk());
        MessageEvent toFriend = (MessageEvent) recorder.events().get(1);
        assertEquals("private", toFriend.messageType());
        assertEquals(20002L, toFriend.targetId());

        assertEquals(1400, call("{\"action\":\"send_msg\",\"params\":{\"message\":\"x\"}}").retcode().code());
        assertEquals(1400, call("{\"action\":\"send_msg\",\"params\":{\"message_type\":\"group\",\"user_id\":1,\"message\":\"x\"}}")
                .retcode().code());
        assertEquals(1400, call("{\"action\":\"send_private_msg\",\"params\":{\"user_id\":20001,\"message\":\"\"}}").retcode().code());
        assertEquals(1200, call("{\"action\":\"send_private_msg\",\"params\":{\"user_id\":99999,\"message\":\"x\"}}").retcode().code());
        assertEquals(1200, call("{\"action\":\"send_group_msg\",\"params\":{\"group_id\":1,\"message\":\"x\"}}").retcode().code());
        assertEquals(2, recorder.events().size(), "failed sends emit nothing");
    }

    @Test
    void versionInfoNamesTheBuiltVersion() {
        var info = (io.onebot.gateway.protocol.action.VersionInfo) call("{\"action\":\"get_version_info\"}").data();
        assertEquals("v11", info.protocolVersion());
        assertTrue(info.appVersion().matches("\\d+\\.\\d+.*"), info.appVersion());
    }

    @Test
    void getMsgGivesTypedSegmentsBackInTheCallersFormat() {
        String message = "[{\"type\":\"reply\",\"data\":{\"id\":7}},{\"type\":\"at\",\"data\":{\"qq\":\"all\",\"x\":1}},"
                + "{\"type\":\"node\",\"data\":{\"nickname\":\"N\",\"content\":\"a,[CQ:face,id=1]\"}}]";
        int id = messageId(call("{\"action\":\"send_group_msg\",\"params\":{\"group_id\":30001,\"message\":" + message + "}}"));
        String get = "{\"action\":\"get_msg\",\"params\":{\"message_id\":" + id + "}}";

        JsonObject asArray = (JsonObject) call(get).data();
        assertEquals("array", asArray.getString("message_format"));
        assertEquals(Json.createReader(new StringReader("[{\"type\":\"reply\",\"data\":{\"id\":\"7\"}},"
                + "{\"type\":\"at\",\"data\":{\"qq\":\"all\",\"x\":\"1\"}},{\"type\":\"node\",\"data\":{\"nickname\":\"N\","
                + "\"content\":[{\"type\":\"text\",\"data\":{\"text\":\"a,\"}},{\"type\":\"face\",\"data\":{\"id\":\"1\"}}]}}]"))
                .readArray(), asArray.getJsonArray("message"));

        JsonObject asString = (JsonObject) dispatcher.respond(get, new ActionContext("t", MessageFormat.STRING))
                .toCompletableFuture().join().data();
        String cq = "[CQ:reply,id=7][CQ:at,qq=all,x=1][CQ:node,nickname=N,content=a&#44;&#91;CQ:face&#44;id=1&#93;]";
        assertEquals("string", asString.getString("message_format"));
        assertEquals(cq, asString.getString("message"));
        assertEquals(cq, asString.getString("raw_message"));
        assertEquals(cq, asArray.getString("raw_message"));
    }

    @Test
    void badSegmentIsA1400NamingItsPositionAndSendsNothing() {
        ActionResponse response = call("{\"action\":\"send_private_msg\",\"params\":{\"user_id\":20001,"
                + "\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"hi\"}},{\"type\":\"at\",\"data\":{}}]}}");
        assertEquals(1400, response.retcode().code());
        assertTrue(response.message().contains("message[1].data.qq is required"), response.message());
        assertEquals(List.of(), recorder.events());
        ActionResponse badCq = call("{\"action\":\"send_private_msg\",\"params\":{\"user_id\":20001,\"message\":\"x[CQ:reply]\"}}");
        assertEquals(1400, badCq.retcode().code());
        assertTrue(badCq.message().contains("message[1].data.id is required"), badCq.message());
    }

    @Test
    void autoEscapeSendsCqCodeAsText() {
        assertTrue(call("{\"action\":\"send_group_msg\",\"params\":{\"group_id\":30002,\"message\":\"[CQ:face,id=1]\",\"auto_escape\":\"true\"}}").isOk());
        MessageEvent sent = (MessageEvent) recorder.events().get(0);
        assertEquals(List.of(new Text("[CQ:face,id=1]")), sent.message());
    }

    @Test
    void deleteMsgForgetsTheMessageAndEmitsARecallNotice() {
        int id = messageId(call("{\"action\":\"send_group_msg\",\"params\":{\"group_id\":30001,\"message\":\"x\"}}"));
        assertTrue(call("{\"action\":\"delete_msg\",\"params\":{\"message_id\":" + id + "}}").isOk());
        JsonObject notice = ((GenericEvent) recorder.events().get(1)).body();
        assertEquals("group_recall", notice.getString("notice_type"));
        assertEquals(id, notice.getInt("message_id"));
        assertEquals(10001, notice.getInt("operator_id"));
        assertEquals(1200, call("{\"action\":\"get_msg\",\"params\":{\"message_id\":" + id + "}}").retcode().code());
        assertEquals(1200, call("{\"action\":\"delete_msg\",\"params\":{\"message_id\":" + id + "}}").retcode().code());
    }

    @Test
    void theMessageStoreIsBounded() {
        int first = messageId(call("{\"action\":\"send_private_msg\",\"params\":{\"user_id\":20001,\"message\":\"1\"}}"));
        for (int i = 0; i < 3; i++) {
            call("{\"action\":\"send_private_msg\",\"params\":{\"user_id\":20001,\"message\":\"more\"}}");
        }
        assertEquals(1200, call("{\"action\":\"get_msg\",\"params\":{\"message_id\":" + first + "}}").retcode().code());
    }

    @Test
    void injectedMessagesAreCompletedFromTheWorld() {
        List<Integer> ids = core.injector().orElseThrow().inject(List.of(
                Json.createObjectBuilder().add("group_id", 30001).add("user_id", "20001")
                        .add("raw_message", "hi &#91;x&#93;").add("custom_field", 5).build()));
        MessageEvent event = (MessageEvent) recorder.events().get(0);
        assertEquals(ids.get(0), event.messageId());
        assertTrue(event.messageId() > 0);
        assertEquals("group", event.messageType());
        assertEquals("normal", event.subType());
        assertEquals("Alice in Lounge", event.sender().card());
        assertEquals("admin", event.sender().role());
        assertEquals("Sandbox Lounge", event.groupName());
        assertEquals(List.of(new Text("hi [x]")), event.message());
        assertEquals(5, event.extra().getInt("custom_field"));
        assertFalse(event.self());
        assertTrue(call("{\"action\":\"get_msg\",\"params\":{\"message_id\":" + event.messageId() + "}}").isOk());
    }

    @Test
    void aBadEventInABatchEmitsNothing() {
        var injector = core.injector().orElseThrow();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> injector.inject(List.of(
                Json.createObjectBuilder().add("message_type", "private").add("user_id", 20001).add("message", "ok").build(),
                Json.createObjectBuilder().add("post_type", "notice").build())));
        assertTrue(error.getMessage().startsWith("event[1]: notice_type"), error.getMessage());
        assertTrue(recorder.events().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> injector.inject(List.of(
                Json.createObjectBuilder().add("message_type", "private").add("user_id", 20001).add("self_id", 1)
                        .add("message", "x").build())));
        assertThrows(IllegalArgumentException.class, () -> injector.inject(List.of(
                Json.createObjectBuilder().add("post_type", "message_sent").add("message_type", "private").add("message", "x").build())));
    }

    @Test
    void nonMessageEventsPassThroughWithTimeAndSelfId() {
        List<Integer> ids = core.injector().orElseThrow().inject(List.of(Json.createObjectBuilder()
                .add("post_type", "request").add("request_type", "friend").add("user_id", 20009)
                .add("flag", "f-1").add("comment", "hi").build()));
        assertNull(ids.get(0));
        JsonObject body = ((GenericEvent) recorder.events().get(0)).body();
        assertEquals("f-1", body.getString("flag"));
        assertEquals(10001, body.getInt("self_id"));
        assertTrue(body.getJsonNumber("time").longValue() > 1_600_000_000L);
    }
}
