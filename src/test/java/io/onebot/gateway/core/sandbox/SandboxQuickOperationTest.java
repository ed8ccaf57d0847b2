package io.onebot.gateway.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.message.Segment;
import io.onebot.gateway.protocol.message.Text;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * {@code .handle_quick_operation} against the built-in world (the bot 10001 owns group 30001 with
 * admin Alice 20001 and members Bob 20002 and Dave 20004, and is an admin of 30002, owned by Bob,
 * with member Carol 20003). The context is always the event exactly as a client received it.
 */
@EnableWeld
class SandboxQuickOperationTest extends SandboxTestBase {

    @WeldSetup
    WeldInitiator weld = sandboxWith(Map.of("onebot.sandbox.messageCapacity", "100"));

    private JsonValue quick(JsonObject context, String operation) {
        return ok(".handle_quick_operation", "{\"context\":" + context + ",\"operation\":" + operation + "}");
    }

    private String quickFails(int retcode, String context, String operation) {
        return fails(retcode, ".handle_quick_operation", "{\"context\":" + context + ",\"operation\":" + operation + "}");
    }

    /** A request injected as if someone asked, returned as the client received it. */
    private JsonObject request(String event) {
        core.injector().orElseThrow().inject(List.of(json(event).asJsonObject()));
        JsonObject received = notices().get(0);
        recorder.events().clear();
        return received;
    }

    @Test
    void aGroupReplyQuotesTheMessageAndAtsTheSenderUnlessTold() {
        JsonObject alice = receive("{\"group_id\":30001,\"user_id\":20001,\"message\":\"ping\"}");
        int id = alice.getInt("message_id");
        assertEquals(JsonValue.NULL, quick(alice, "{\"reply\":\"pong\"}"));
        MessageEvent reply = messages().get(0);
        assertTrue(reply.self());
        assertEquals(30001L, reply.groupId());
        assertEquals(List.of(Segment.reply(id), Segment.at(20001), new Text("pong")), reply.message());

        recorder.events().clear();
        quick(alice, "{\"reply\":[{\"type\":\"face\",\"data\":{\"id\":\"1\"}}],\"at_sender\":false}");
        assertEquals(List.of(Segment.reply(id), Segment.face("1")), messages().get(0).message());

        recorder.events().clear();
        quick(alice, "{\"reply\":\"[CQ:face,id=1]\",\"auto_escape\":true,\"at_sender\":\"false\"}");
        assertEquals(List.of(Segment.reply(id), new Text("[CQ:face,id=1]")), messages().get(0).message());
        assertEquals(1, recorder.events().size());
    }

    @Test
    void aPrivateReplyGoesBackToTheSenderWithoutQuoteOrAt() {
        JsonObject bob = receive("{\"message_type\":\"private\",\"user_id\":20002,\"message\":\"hey\"}");
        quick(bob, "{\"reply\":{\"type\":\"text\",\"data\":{\"text\":\"hello\"}}}");
        MessageEvent reply = messages().get(0);
        assertEquals(MessageEvent.PRIVATE, reply.messageType());
        assertEquals(20002L, reply.targetId());
        assertEquals(List.of(new Text("hello")), reply.message());
    }

    @Test
    void deleteRecallsTheMessageWhenTheBotMayAndOnlyThen() {
        JsonObject dave = receive("{\"group_id\":30001,\"user_id\":20004,\"message\":\"spam\"}");
        quick(dave, "{\"delete\":true}");
        JsonObject recall = onlyNotice("group_recall");
        assertEquals(dave.getInt("message_id"), recall.getInt("message_id"));
        assertEquals(20004, recall.getInt("user_id"));
        fails(1200, "get_msg", "{\"message_id\":" + dave.getInt("message_id") + "}");

        JsonObject owner = receive("{\"group_id\":30002,\"user_id\":20002,\"message\":\"mine\"}");
        assertTrue(quickFails(1200, owner.toString(), "{\"delete\":true}").contains("owner of group 30002"));
        assertEquals(List.of(), recorder.events());
        ok("get_msg", "{\"message_id\":" + owner.getInt("message_id") + "}");
    }

    @Test
    void kickRemovesTheSenderWithTheKickNotice() {
        JsonObject dave = receive("{\"group_id\":30001,\"user_id\":20004,\"message\":\"spam\"}");
        quick(dave, "{\"kick\":true}");
        JsonObject kick = onlyNotice("group_decrease");
        assertEquals("kick", kick.getString("sub_type"));
        assertEquals(20004, kick.getInt("user_id"));
        assertEquals(10001, kick.getInt("operator_id"));
        fails(1200, "get_group_member_info", "{\"group_id\":30001,\"user_id\":20004}");

        JsonObject owner = receive("{\"group_id\":30002,\"user_id\":20002,\"message\":\"mine\"}");
        assertTrue(quickFails(1200, owner.toString(), "{\"kick\":true}").contains("nobody can kick the owner"));
        assertEquals(List.of(), recorder.events());
    }

    @Test
    void banMutesTheSenderForTheDurationOrHalfAnHour() {
        JsonObject carol = receive("{\"group_id\":30002,\"user_id\":20003,\"message\":\"noise\"}");
        quick(carol, "{\"ban\":true,\"ban_duration\":600}");
        JsonObject ban = onlyNotice("group_ban");
        assertEquals("ban", ban.getString("sub_type"));
        assertEquals(20003, ban.getInt("user_id"));
        assertEquals(600, ban.getInt("duration"));

        recorder.events().clear();
        quick(carol, "{\"ban\":1}");
        assertEquals(1800, onlyNotice("group_ban").getInt("duration"));
        long until = ok("get_group_member_info", "{\"group_id\":30002,\"user_id\":20003}").asJsonObject()
                .getJsonNumber("shut_up_timestamp").longValue();
        assertTrue(until > core.now() + 1700, "muted until " + until);
    }

    @Test
    void approvingAFriendRequestAddsTheFriendWithTheRemark() {
        JsonObject asked = request("{\"post_type\":\"request\",\"request_type\":\"friend\",\"user_id\":20009,"
                + "\"nickname\":\"Eve\",\"flag\":\"f-1\",\"comment\":\"hi\"}");
        assertEquals(JsonValue.NULL, quick(asked, "{\"approve\":true,\"remark\":\"Eve from the park\"}"));
        assertEquals(20009, onlyNotice("friend_add").getInt("user_id"));
        JsonObject eve = ok("get_friend_list", "{}").asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getInt("user_id") == 20009).findFirst().orElseThrow();
        assertEquals("Eve from the park", eve.getString("remark"));
        assertTrue(fails(1200, "set_friend_add_request", "{\"flag\":\"f-1\"}").contains("no pending friend request"));
    }

    @Test
    void rejectingOrNotAnsweringAFriendRequest() {
        JsonObject asked = request("{\"post_type\":\"request\",\"request_type\":\"friend\",\"user_id\":20009,\"flag\":\"f-2\"}");
        quick(asked, "{}");
        assertEquals(List.of(), recorder.events());
        assertEquals(1, core.world().friendRequests().size(), "without approve the request stays pending");
        quick(asked, "{\"approve\":false}");
        assertEquals(List.of(), recorder.events());
        assertTrue(core.world().friendRequests().isEmpty());
        assertTrue(core.world().friend(20009).isEmpty());
    }

    @Test
    void approvingAJoinRequestAdmitsTheUserAndRejectingDoesNot() {
        JsonObject join = request("{\"post_type\":\"request\",\"request_type\":\"group\",\"sub_type\":\"add\","
                + "\"group_id\":30001,\"user_id\":20009,\"flag\":\"g-1\"}");
        quick(join, "{\"approve\":true}");
        JsonObject increase = onlyNotice("group_increase");
        assertEquals("approve", increase.getString("sub_type"));
        assertEquals(30001, increase.getInt("group_id"));
        assertEquals(20009, increase.getInt("user_id"));
        assertEquals(10001, increase.getInt("operator_id"));
        ok("get_group_member_info", "{\"group_id\":30001,\"user_id\":20009}");

        recorder.events().clear();
        JsonObject other = request("{\"post_type\":\"request\",\"request_type\":\"group\",\"sub_type\":\"add\","
                + "\"group_id\":30002,\"user_id\":20008,\"flag\":\"g-2\"}");
        quick(other, "{\"approve\":false,\"reason\":\"no bots\"}");
        assertEquals(List.of(), recorder.events());
        fails(1200, "get_group_member_info", "{\"group_id\":30002,\"user_id\":20008}");
        assertTrue(core.world().groupRequests().isEmpty());
    }

    @Test
    void badContextsAndOperationsAre1400sNamingTheFieldAndDoNothing() {
        JsonObject dave = receive("{\"group_id\":30001,\"user_id\":20004,\"message\":\"x\"}");
        JsonObject bob = receive("{\"message_type\":\"private\",\"user_id\":20002,\"message\":\"y\"}");
        assertTrue(fails(1400, ".handle_quick_operation", "{\"operation\":{}}").contains("'context'"));
        assertTrue(fails(1400, ".handle_quick_operation", "{\"context\":" + dave + "}").contains("'operation'"));
        assertTrue(quickFails(1400, "{\"post_type\":\"notice\"}", "{}").contains("'context.post_type'"));
        assertTrue(quickFails(1400, "{\"post_type\":\"message\",\"message_type\":\"group\",\"group_id\":30001,"
                + "\"message_id\":1}", "{\"reply\":\"x\"}").contains("'context.user_id'"));
        assertTrue(quickFails(1400, "{\"post_type\":\"message\",\"message_type\":\"group\",\"user_id\":20004,"
                + "\"message_id\":1}", "{\"reply\":\"x\"}").contains("'context.group_id'"));
        assertTrue(quickFails(1400, "{\"post_type\":\"message\",\"message_type\":\"guild\"}", "{}")
                .contains("'context.message_type'"));
        assertTrue(quickFails(1400, bob.toString(), "{\"kick\":true}").contains("'operation.kick' applies only to group"));
        assertTrue(quickFails(1400, dave.toString(), "{\"kick\":true,\"ban\":true}").contains("'operation.ban'"));
        assertTrue(quickFails(1400, dave.toString(), "{\"reply\":\"x\",\"ban\":true,\"ban_duration\":-1}")
                .contains("'operation.ban_duration'"));
        assertTrue(quickFails(1400, dave.toString(), "{\"reply\":\"\"}").contains("'operation.reply' is empty"));
        assertTrue(quickFails(1400, dave.toString(), "{\"reply\":\"x\",\"delete\":\"maybe\"}").contains("'operation.delete'"));
        assertTrue(quickFails(1400, dave.toString(), "{\"approve\":true}").contains("'operation.approve' applies only to a request"));
        assertTrue(quickFails(1400, "{\"post_type\":\"request\",\"request_type\":\"friend\",\"user_id\":1}",
                "{\"approve\":true}").contains("'context.flag'"));
        assertTrue(quickFails(1400, "{\"post_type\":\"request\",\"request_type\":\"group\",\"flag\":\"g\"}",
                "{\"approve\":true}").contains("'context.sub_type'"));
        assertTrue(quickFails(1400, "{\"post_type\":\"request\",\"request_type\":\"friend\",\"flag\":\"f\"}",
                "{\"reply\":\"x\"}").contains("'operation.reply' applies only to a message"));
        assertTrue(quickFails(1200, "{\"post_type\":\"request\",\"request_type\":\"friend\",\"flag\":\"nope\"}",
                "{\"approve\":true}").contains("no pending friend request"));
        assertEquals(List.of(), recorder.events());
        ok("get_group_member_info", "{\"group_id\":30001,\"user_id\":20004}");
    }
}
