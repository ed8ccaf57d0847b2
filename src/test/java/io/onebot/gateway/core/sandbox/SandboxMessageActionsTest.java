package io.onebot.gateway.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.message.Forward;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * Forwards, history, read marks, emoji reactions and essence messages against the built-in world
 * (the bot 10001 owns group 30001 with admin Alice 20001 and members Bob 20002 and Dave 20004, and
 * is an admin of 30002, owned by Bob, with member Carol 20003). The store keeps 8 messages, so
 * that its bound shows.
 */
@EnableWeld
class SandboxMessageActionsTest extends SandboxTestBase {

    @WeldSetup
    WeldInitiator weld = sandboxWith(Map.of("onebot.sandbox.messageCapacity", "8"));

    private static List<Integer> ids(JsonValue history) {
        return history.asJsonObject().getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getInt("message_id")).toList();
    }

    // ---- forwards ----

    @Test
    void aForwardIsSentAsASelfMessageAndReadBackNodeByNode() {
        JsonObject alice = receive("{\"group_id\":30001,\"user_id\":20001,\"message\":\"from alice\"}");
        int aliceId = alice.getInt("message_id");

        JsonObject sent = ok("send_group_forward_msg", "{\"group_id\":30001,\"messages\":["
                + "{\"type\":\"node\",\"data\":{\"id\":\"" + aliceId + "\"}},"
                + "{\"type\":\"node\",\"data\":{\"user_id\":\"20002\",\"nickname\":\"Bobby\","
                + "\"content\":\"hello [CQ:face,id=1]\"}}]}").asJsonObject();
        assertTrue(sent.get("message_id") instanceof JsonNumber);
        String resId = sent.getString("res_id");
        assertEquals(resId, sent.getString("forward_id"));
        assertFalse(resId.chars().allMatch(Character::isDigit), resId);

        MessageEvent posted = messages().get(0);
        assertEquals(1, messages().size());
        assertTrue(posted.self());
        assertEquals(30001L, posted.groupId());
        assertEquals(sent.getInt("message_id"), posted.messageId());
        assertEquals(List.of(new Forward(resId, null)), posted.message());

        JsonArray nodes = ok("get_forward_msg", "{\"id\":\"" + resId + "\"}").asJsonObject().getJsonArray("messages");
        assertEquals(2, nodes.size());
        JsonObject first = nodes.getJsonObject(0);
        assertEquals(aliceId, first.getInt("message_id"));
        assertEquals(20001, first.getInt("user_id"));
        assertEquals("Alice", first.getJsonObject("sender").getString("nickname"));
        assertEquals(20001, first.getJsonObject("sender").getInt("user_id"));
        assertEquals("group", first.getString("message_type"));
        assertEquals(30001, first.getInt("group_id"));
        assertEquals(alice.getJsonNumber("time"), first.getJsonNumber("time"));
        assertEquals(alice.getJsonArray("message"), first.getJsonArray("message"));
        assertEquals(first.get("message"), first.get("content"));
        assertEquals("array", first.getString("message_format"));

        JsonObject second = nodes.getJsonObject(1);
        assertEquals(20002, second.getInt("user_id"));
        assertEquals("Bobby", second.getJsonObject("sender").getString("nickname"));
        assertEquals(json("[{\"type\":\"text\",\"data\":{\"text\":\"hello \"}},{\"type\":\"face\",\"data\":{\"id\":\"1\"}}]"),
                second.getJsonArray("message"));
        assertTrue(second.getInt("message_id") > 0);

        JsonObject byMessage = ok("get_forward_msg", "{\"message_id\":" + posted.messageId() + "}",
                MessageFormat.STRING).asJsonObject();
        JsonObject asString = byMessage.getJsonArray("messages").getJsonObject(1);
        assertEquals("hello [CQ:face,id=1]", asString.getString("message"));
        assertEquals("hello [CQ:face,id=1]", asString.getString("content"));
        assertEquals("string", asString.getString("message_format"));
    }

    @Test
    void forwardsGoToFriendsAndNestForwardsInsideNodes() {
        JsonObject sent = ok("send_forward_msg", "{\"message_type\":\"private\",\"user_id\":20001,\"messages\":["
                + "{\"type\":\"node\",\"data\":{\"nickname\":\"Outer\",\"content\":["
                + "{\"type\":\"node\",\"data\":{\"uin\":20003,\"name\":\"Carol\",\"content\":\"inner\"}}]}}]}")
                .asJsonObject();
        MessageEvent posted = messages().get(0);
        assertEquals(MessageEvent.PRIVATE, posted.messageType());
        assertEquals(20001L, posted.targetId());

        JsonObject outer = ok("get_forward_msg", "{\"id\":\"" + sent.getString("res_id") + "\"}").asJsonObject()
                .getJsonArray("messages").getJsonObject(0);
        assertEquals(10001, outer.getInt("user_id"), "a custom node without user_id shows the bot");
        assertEquals("private", outer.getString("message_type"));
        JsonObject nested = outer.getJsonArray("content").getJsonObject(0);
        assertEquals("forward", nested.getString("type"));
        JsonObject inner = ok("get_forward_msg", "{\"id\":\"" + nested.getJsonObject("data").getString("id") + "\"}")
                .asJsonObject().getJsonArray("messages").getJsonObject(0);
        assertEquals(20003, inner.getInt("user_id"));
        assertEquals("Carol", inner.getJsonObject("sender").getString("nickname"));
        assertEquals("[{\"type\":\"text\",\"data\":{\"text\":\"inner\"}}]", inner.getJsonArray("message").toString());

        JsonObject toFriend = ok("send_private_forward_msg", "{\"user_id\":20002,\"messages\":"
                + "{\"type\":\"node\",\"data\":{\"content\":\"x\"}}}").asJsonObject();
        assertEquals(20002L, messages().get(1).targetId());
        assertEquals(toFriend.getInt("message_id"), messages().get(1).messageId());
    }

    @Test
    void badForwardsAreRefusedAndSendNothing() {
        int own = sendGroup(30001, "x");
        recorder.events().clear();
        assertTrue(fails(1400, "send_group_forward_msg", "{\"group_id\":30001}").contains("'messages' is required"));
        assertTrue(fails(1400, "send_group_forward_msg", "{\"group_id\":30001,\"messages\":[]}").contains("'messages'"));
        assertTrue(fails(1400, "send_group_forward_msg", "{\"group_id\":30001,\"messages\":\"hi\"}")
                .contains("messages[0] is a text segment"));
        assertTrue(fails(1400, "send_group_forward_msg", "{\"group_id\":30001,\"messages\":[{\"type\":\"node\","
                + "\"data\":{\"id\":\"" + own + "\"}},{\"type\":\"face\",\"data\":{\"id\":\"1\"}}]}")
                .contains("messages[1] is a face segment"));
        assertTrue(fails(1400, "send_group_forward_msg", "{\"group_id\":30001,\"messages\":[{\"type\":\"node\","
                + "\"data\":{\"id\":\"abc\"}}]}").contains("messages[0].data.id must be a message id"));
        assertTrue(fails(1400, "send_group_forward_msg", "{\"group_id\":30001,\"messages\":[{\"type\":\"node\","
                + "\"data\":{\"user_id\":\"bob\",\"content\":\"x\"}}]}").contains("messages[0].data.user_id"));
        assertTrue(fails(1200, "send_group_forward_msg", "{\"group_id\":30001,\"messages\":[{\"type\":\"node\","
                + "\"data\":{\"id\":\"" + (own + 1000) + "\"}}]}").contains("does not exist"));
        assertTrue(fails(1200, "send_group_forward_msg", "{\"group_id\":39999,\"messages\":[{\"type\":\"node\","
                + "\"data\":{\"content\":\"x\"}}]}").contains("group 39999 does not exist"));
        assertTrue(fails(1200, "send_private_forward_msg", "{\"user_id\":20004,\"messages\":[{\"type\":\"node\","
                + "\"data\":{\"content\":\"x\"}}]}").contains("not a friend"));
        assertTrue(fails(1400, "send_forward_msg", "{\"messages\":[{\"type\":\"node\",\"data\":{\"content\":\"x\"}}]}")
                .contains("'message_type'"));
        assertEquals(List.of(), recorder.events());

        assertTrue(fails(1400, "get_forward_msg", "{}").contains("'id'"));
        assertTrue(fails(1200, "get_forward_msg", "{\"id\":\"fwdnothing\"}").contains("does not exist"));
        assertTrue(fails(1200, "get_forward_msg", "{\"id\":\"" + own + "\"}").contains("is not a merged forward"));
    }

    // ---- history ----

    @Test
    void groupHistoryIsTheLatestOrUpToAMessageInTheOrderAsked() {
        int m1 = sendGroup(30001, "1");
        int m2 = sendGroup(30001, "2");
        sendGroup(30002, "elsewhere");
        int m3 = sendGroup(30001, "3");
        int m4 = sendGroup(30001, "4");
        int m5 = sendGroup(30001, "5");
        ok("send_private_msg", "{\"user_id\":20001,\"message\":\"private\"}");

        assertEquals(List.of(m1, m2, m3, m4, m5), ids(ok("get_group_msg_history", "{\"group_id\":30001}")));
        assertEquals(List.of(m3, m4, m5), ids(ok("get_group_msg_history", "{\"group_id\":30001,\"count\":3}")));
        assertEquals(List.of(m5, m4, m3), ids(ok("get_group_msg_history", "{\"group_id\":30001,\"count\":3,\"reverseOrder\":true}")));
        assertEquals(List.of(m5, m4, m3), ids(ok("get_group_msg_history", "{\"group_id\":30001,\"count\":3,\"reverse_order\":true}")));
        assertEquals(List.of(m3, m4), ids(ok("get_group_msg_history", "{\"group_id\":30001,\"message_seq\":" + m4 + ",\"count\":2}")));
        assertEquals(List.of(m1, m2, m3, m4, m5), ids(ok("get_group_msg_history", "{\"group_id\":\"30001\",\"message_seq\":0}")));

        JsonObject item = ok("get_group_msg_history", "{\"group_id\":30001,\"count\":1}").asJsonObject()
                .getJsonArray("messages").getJsonObject(0);
        assertEquals("message_sent", item.getString("post_type"));
        assertEquals("group", item.getString("message_type"));
        assertEquals(30001, item.getInt("group_id"));
        assertEquals(m5, item.getInt("message_seq"));
        assertEquals("[{\"type\":\"text\",\"data\":{\"text\":\"5\"}}]", item.getJsonArray("message").toString());
        JsonObject asString = ok("get_group_msg_history", "{\"group_id\":30001,\"count\":1}", MessageFormat.STRING)
                .asJsonObject().getJsonArray("messages").getJsonObject(0);
        assertEquals("5", asString.getString("message"));
        assertEquals("string", asString.getString("message_format"));

        ok("delete_msg", "{\"message_id\":" + m4 + "}");
        assertEquals(List.of(m1, m2, m3, m5), ids(ok("get_group_msg_history", "{\"group_id\":30001}")));
        assertTrue(fails(1200, "get_group_msg_history", "{\"group_id\":30001,\"message_seq\":" + m4 + "}")
                .contains("not a stored message of group 30001"));
        fails(1200, "get_group_msg_history", "{\"group_id\":30002,\"message_seq\":" + m5 + "}");
        assertTrue(fails(1400, "get_group_msg_history", "{\"group_id\":30001,\"count\":0}").contains("'count'"));
        assertTrue(fails(1400, "get_group_msg_history", "{}").contains("'group_id'"));
        assertTrue(fails(1200, "get_group_msg_history", "{\"group_id\":39999}").contains("group 39999"));
    }

    @Test
    void friendHistoryHoldsBothSidesOfOneChatAndHistoryIsBounded() {
        JsonObject fromAlice = receive("{\"message_type\":\"private\",\"user_id\":20001,\"message\":\"hi bot\"}");
        int reply = ok("send_private_msg", "{\"user_id\":20001,\"message\":\"hi alice\"}").asJsonObject().getInt("message_id");
        ok("send_private_msg", "{\"user_id\":20002,\"message\":\"hi bob\"}");
        assertEquals(List.of(fromAlice.getInt("message_id"), reply),
                ids(ok("get_friend_msg_history", "{\"user_id\":20001}")));
        assertEquals(List.of(reply, fromAlice.getInt("message_id")),
                ids(ok("get_friend_msg_history", "{\"user_id\":20001,\"reverseOrder\":\"true\"}")));
        assertEquals(List.of(), ids(ok("get_friend_msg_history", "{\"user_id\":20003}")));
        assertTrue(fails(1200, "get_friend_msg_history", "{\"user_id\":29999}").contains("not known"));

        for (int i = 0; i < 10; i++) {
            sendGroup(30001, "n" + i);
        }
        JsonArray kept = ok("get_group_msg_history", "{\"group_id\":30001,\"count\":50}").asJsonObject().getJsonArray("messages");
        assertEquals(8, kept.size(), "the store keeps 8 messages");
        assertEquals("n2", kept.getJsonObject(0).getJsonArray("message").getJsonObject(0).getJsonObject("data").getString("text"));
        assertEquals(List.of(), ids(ok("get_friend_msg_history", "{\"user_id\":20001}")), "older chats were forgotten");
    }

    // ---- read marks ----

    @Test
    void markingReadChecksWhatIsNamedAndAnswersNull() {
        int group = sendGroup(30001, "x");
        int direct = ok("send_private_msg", "{\"user_id\":20001,\"message\":\"y\"}").asJsonObject().getInt("message_id");
        assertEquals(JsonValue.NULL, ok("mark_msg_as_read", "{\"message_id\":" + group + "}"));
        assertEquals(JsonValue.NULL, ok("mark_msg_as_read", "{\"group_id\":30001}"));
        assertEquals(JsonValue.NULL, ok("mark_msg_as_read", "{\"user_id\":20001}"));
        assertEquals(JsonValue.NULL, ok("mark_group_msg_as_read", "{\"group_id\":30002}"));
        assertEquals(JsonValue.NULL, ok("mark_group_msg_as_read", "{\"message_id\":" + group + "}"));
        assertEquals(JsonValue.NULL, ok("mark_private_msg_as_read", "{\"user_id\":20002}"));
        assertEquals(JsonValue.NULL, ok("mark_private_msg_as_read", "{\"message_id\":" + direct + "}"));
        assertEquals(JsonValue.NULL, ok("_mark_all_as_read", "{}"));

        assertTrue(fails(1400, "mark_msg_as_read", "{}").contains("'message_id'"));
        assertTrue(fails(1400, "mark_group_msg_as_read", "{}").contains("'group_id'"));
        assertTrue(fails(1400, "mark_private_msg_as_read", "{}").contains("'user_id'"));
        fails(1200, "mark_msg_as_read", "{\"message_id\":" + (group + 1000) + "}");
        fails(1200, "mark_msg_as_read", "{\"group_id\":39999}");
        fails(1200, "mark_private_msg_as_read", "{\"user_id\":29999}");
        assertTrue(fails(1200, "mark_group_msg_as_read", "{\"message_id\":" + direct + "}").contains("not a group one"));
        assertTrue(fails(1200, "mark_private_msg_as_read", "{\"message_id\":" + group + "}").contains("not a private one"));
    }

    // ---- emoji likes ----

    @Test
    void anEmojiLikeOnAGroupMessageEmitsNapCatsNotice() {
        int id = receive("{\"group_id\":30002,\"user_id\":20003,\"message\":\"nice\"}").getInt("message_id");
        assertEquals(JsonValue.NULL, ok("set_msg_emoji_like", "{\"message_id\":" + id + ",\"emoji_id\":\"76\"}"));
        JsonObject like = onlyNotice("group_msg_emoji_like");
        assertEquals(30002, like.getInt("group_id"));
        assertEquals(10001, like.getInt("user_id"));
        assertEquals(id, like.getInt("message_id"));
        assertEquals(json("[{\"emoji_id\":\"76\",\"count\":1}]"), like.getJsonArray("likes"));
        assertTrue(like.getBoolean("is_add"));

        recorder.events().clear();
        ok("set_msg_emoji_like", "{\"message_id\":" + id + ",\"emoji_id\":76,\"set\":true}");
        assertEquals(List.of(), recorder.events(), "liking twice changes nothing");
        ok("set_msg_emoji_like", "{\"message_id\":" + id + ",\"emoji_id\":\"76\",\"set\":false}");
        JsonObject unlike = onlyNotice("group_msg_emoji_like");
        assertFalse(unlike.getBoolean("is_add"));
        assertEquals(0, unlike.getJsonArray("likes").getJsonObject(0).getInt("count"));

        recorder.events().clear();
        int direct = ok("send_private_msg", "{\"user_id\":20001,\"message\":\"y\"}").asJsonObject().getInt("message_id");
        recorder.events().clear();
        assertTrue(fails(1200, "set_msg_emoji_like", "{\"message_id\":" + direct + ",\"emoji_id\":\"76\"}")
                .contains("only on group messages"));
        fails(1200, "set_msg_emoji_like", "{\"message_id\":" + (id + 1000) + ",\"emoji_id\":\"76\"}");
        assertTrue(fails(1400, "set_msg_emoji_like", "{\"message_id\":" + id + ",\"emoji_id\":\"smile\"}").contains("'emoji_id'"));
        assertTrue(fails(1400, "set_msg_emoji_like", "{\"message_id\":" + id + "}").contains("'emoji_id'"));
        assertEquals(List.of(), recorder.events());
    }

    // ---- essence ----

    @Test
    void essenceMessagesAreMarkedListedAndUnmarkedWithNotices() {
        JsonObject bob = receive("{\"group_id\":30001,\"user_id\":20002,\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"wise\"}}]}");
        int id = bob.getInt("message_id");
        assertEquals(JsonValue.NULL, ok("set_essence_msg", "{\"message_id\":" + id + "}"));
        JsonObject add = onlyNotice("essence");
        assertEquals("add", add.getString("sub_type"));
        assertEquals(30001, add.getInt("group_id"));
        assertEquals(id, add.getInt("message_id"));
        assertEquals(20002, add.getInt("sender_id"));
        assertEquals(10001, add.getInt("operator_id"));

        JsonArray list = ok("get_essence_msg_list", "{\"group_id\":30001}").asJsonArray();
        assertEquals(1, list.size());
        JsonObject entry = list.getJsonObject(0);
        assertEquals(20002, entry.getInt("sender_id"));
        assertEquals("Bob", entry.getString("sender_nick"));
        assertEquals(bob.getJsonNumber("time"), entry.getJsonNumber("sender_time"));
        assertEquals(10001, entry.getInt("operator_id"));
        assertTrue(entry.get("operator_nick") instanceof JsonString);
        assertTrue(entry.getJsonNumber("operator_time").longValue() >= bob.getJsonNumber("time").longValue());
        assertEquals(id, entry.getInt("message_id"));
        assertEquals(id, entry.getInt("msg_seq"));
        assertEquals(bob.getJsonArray("message"), entry.getJsonArray("content"));
        assertEquals(List.of(), ok("get_essence_msg_list", "{\"group_id\":30002}").asJsonArray());

        recorder.events().clear();
        assertTrue(fails(1200, "set_essence_msg", "{\"message_id\":" + id + "}").contains("already"));
        ok("delete_essence_msg", "{\"message_id\":" + id + "}");
        JsonObject delete = onlyNotice("essence");
        assertEquals("delete", delete.getString("sub_type"));
        assertEquals(20002, delete.getInt("sender_id"));
        assertEquals(List.of(), ok("get_essence_msg_list", "{\"group_id\":30001}").asJsonArray());
        recorder.events().clear();
        assertTrue(fails(1200, "delete_essence_msg", "{\"message_id\":" + id + "}").contains("not an essence message"));
        assertTrue(fails(1200, "get_essence_msg_list", "{\"group_id\":39999}").contains("group 39999"));
        assertEquals(List.of(), recorder.events());
    }

    @Test
    void onlyAnAdminBotMarksEssenceAndOnlyGroupMessagesQualify() {
        int carol = receive("{\"group_id\":30002,\"user_id\":20003,\"message\":\"hm\"}").getInt("message_id");
        core.world().updateGroup(30002, g -> g.withMember(g.member(10001).orElseThrow().withRole("member")));
        assertTrue(fails(1200, "set_essence_msg", "{\"message_id\":" + carol + "}")
                .contains("only a member of group 30002 and cannot set essence messages"));
        int direct = ok("send_private_msg", "{\"user_id\":20001,\"message\":\"y\"}").asJsonObject().getInt("message_id");
        recorder.events().clear();
        assertTrue(fails(1200, "set_essence_msg", "{\"message_id\":" + direct + "}").contains("private message"));
        assertTrue(fails(1400, "set_essence_msg", "{}").contains("'message_id'"));
        assertEquals(List.of(), recorder.events());
        assertEquals(List.of(), ok("get_essence_msg_list", "{\"group_id\":30002}").asJsonArray());
    }

    // ---- recall rights ----

    @Test
    void deleteMsgRecallsOthersOnlyFromAHigherRole() {
        int owner = receive("{\"group_id\":30002,\"user_id\":20002,\"message\":\"boss\"}").getInt("message_id");
        int member = receive("{\"group_id\":30002,\"user_id\":20003,\"message\":\"hm\"}").getInt("message_id");
        int friend = receive("{\"message_type\":\"private\",\"user_id\":20001,\"message\":\"psst\"}").getInt("message_id");
        assertTrue(fails(1200, "delete_msg", "{\"message_id\":" + owner + "}").contains("owner of group 30002"));
        assertTrue(fails(1200, "delete_msg", "{\"message_id\":" + friend + "}").contains("only the sender can recall it"));
        assertEquals(List.of(), recorder.events());
        ok("delete_msg", "{\"message_id\":" + member + "}");
        JsonObject recall = onlyNotice("group_recall");
        assertEquals(20003, recall.getInt("user_id"));
        assertEquals(10001, recall.getInt("operator_id"));
        ok("get_msg", "{\"message_id\":" + owner + "}");
    }
}
