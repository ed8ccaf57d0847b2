package io.onebot.gateway.network.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.codec.JsonText;
import io.onebot.gateway.testsupport.Gateway;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every OneBot 11 standard action over the wire, on one universal connection, as a bot framework
 * uses it: each answer's shape and JSON types, and for the actions that change the world the
 * notice a real account would get, arriving on the same connection. Run on two servers whose
 * entries differ in message format ({@link StandardActionsIT}: array; {@link
 * StandardActionsStringIT}: string), so that message-carrying answers are checked in both forms.
 *
 * <p>The built-in world: the account owns group 30001 (admin Alice 20001, members Bob 20002 and
 * Dave 20004) and is an admin of 30002 (owner Bob, member Carol 20003). Each test starts from a
 * reset world.
 */
abstract class StandardActionsContract {

    @ArquillianResource
    URL base;

    private final AtomicInteger echoes = new AtomicInteger();
    private final List<JsonObject> pushed = new ArrayList<>();
    private Gateway gateway;
    private WsClient client;

    /** The loopback address the entry serves. */
    abstract String host();

    /** The entry's access token. */
    abstract String token();

    /** The sandbox account. */
    abstract long selfId();

    /** Whether the entry's messagePostFormat is string (CQ code) rather than array. */
    abstract boolean stringFormat();

    @BeforeEach
    void connect() throws Exception {
        gateway = new Gateway(host(), base);
        HttpResponse<String> reset = gateway.sandbox("POST", "/reset", null, "Bearer " + token());
        assertEquals(200, reset.statusCode(), reset.body());
        client = WsClient.connect(gateway.ws("/"), Map.of("Authorization", "Bearer " + token()));
        assertEquals("lifecycle", client.next().getString("meta_event_type"));
    }

    @AfterEach
    void close() throws Exception {
        client.close();
    }

    private static JsonObject json(String text) {
        try {
            return JsonText.parse(text).asJsonObject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Calls an action; frames pushed meanwhile are kept for {@link #pushed}. */
    private JsonObject call(String action, String params) throws Exception {
        JsonValue echo = Json.createValue("e" + echoes.incrementAndGet());
        client.request(action, params == null ? null : json(params), echo);
        List<JsonObject> skipped = new ArrayList<>();
        JsonObject answer = client.next(frame -> !frame.containsKey("post_type") && echo.equals(frame.get("echo")),
                skipped);
        skipped.stream().filter(frame -> !"meta_event".equals(frame.getString("post_type", ""))).forEach(pushed::add);
        assertEquals(echo, answer.get("echo"));
        return answer;
    }

    /** Calls an action that must succeed and returns its data. */
    private JsonValue ok(String action, String params) throws Exception {
        JsonObject answer = call(action, params);
        assertEquals("ok", answer.getString("status"), action + ": " + answer);
        assertEquals(0, answer.getInt("retcode"));
        return answer.get("data");
    }

    private JsonObject okObject(String action, String params) throws Exception {
        JsonValue data = ok(action, params);
        assertEquals(JsonValue.ValueType.OBJECT, data.getValueType(), action + " answers an object: " + data);
        return data.asJsonObject();
    }

    private void okNull(String action, String params) throws Exception {
        assertEquals(JsonValue.NULL, ok(action, params), action + " answers null data");
    }

    /** The next pushed event that matches, whether it came before or after the answer. */
    private JsonObject pushed(Predicate<JsonObject> wanted) throws Exception {
        for (Iterator<JsonObject> it = pushed.iterator(); it.hasNext(); ) {
            JsonObject frame = it.next();
            if (wanted.test(frame)) {
                it.remove();
                return frame;
            }
        }
        return client.next(wanted, new ArrayList<>());
    }

    private JsonObject notice(String noticeType) throws Exception {
        JsonObject notice = pushed(frame -> "notice".equals(frame.getString("post_type", ""))
                && noticeType.equals(frame.getString("notice_type")));
        assertEquals(selfId(), notice.getJsonNumber("self_id").longValueExact());
        assertTrue(notice.get("time") instanceof jakarta.json.JsonNumber, "time is a number");
        return notice;
    }

    private static void number(JsonObject object, String... keys) {
        for (String key : keys) {
            assertEquals(JsonValue.ValueType.NUMBER, object.get(key) == null ? null : object.get(key).getValueType(),
                    key + " is a number in " + object);
        }
    }

    private static void string(JsonObject object, String... keys) {
        for (String key : keys) {
            assertEquals(JsonValue.ValueType.STRING, object.get(key) == null ? null : object.get(key).getValueType(),
                    key + " is a string in " + object);
        }
    }

    private static long id(JsonObject object, String key) {
        return object.getJsonNumber(key).longValueExact();
    }

    @Test
    void accountAndCapabilityQueries() throws Exception {
        JsonObject login = okObject("get_login_info", null);
        number(login, "user_id");
        string(login, "nickname");
        assertEquals(selfId(), id(login, "user_id"));

        JsonObject status = okObject("get_status", null);
        assertEquals(JsonValue.TRUE, status.get("online"));
        assertEquals(JsonValue.TRUE, status.get("good"));

        JsonObject version = okObject("get_version_info", null);
        string(version, "app_name", "app_version", "protocol_version");

        assertEquals(JsonValue.TRUE, okObject("can_send_image", null).get("yes"));
        assertEquals(JsonValue.TRUE, okObject("can_send_record", null).get("yes"));

        string(okObject("get_cookies", "{domain:'qun.qq.com'}"), "cookies");
        number(okObject("get_csrf_token", null), "token");
        JsonObject credentials = okObject("get_credentials", "{domain:'qun.qq.com'}");
        string(credentials, "cookies");
        number(credentials, "csrf_token");

        okNull("set_restart", "{delay:0}");
        okNull("clean_cache", null);
    }

    @Test
    void peopleAndGroupQueries() throws Exception {
        JsonObject stranger = okObject("get_stranger_info", "{user_id:20004}");
        number(stranger, "user_id", "age");
        string(stranger, "nickname", "sex");

        JsonArray friends = ok("get_friend_list", null).asJsonArray();
        assertEquals(3, friends.size());
        number(friends.getJsonObject(0), "user_id");
        string(friends.getJsonObject(0), "nickname", "remark");

        JsonObject group = okObject("get_group_info", "{group_id:30001}");
        number(group, "group_id", "member_count", "max_member_count");
        string(group, "group_name");
        assertEquals(4, group.getInt("member_count"));
        assertEquals(2, ok("get_group_list", null).asJsonArray().size());

        JsonObject member = okObject("get_group_member_info", "{group_id:30001, user_id:20001}");
        number(member, "group_id", "user_id", "age", "join_time", "last_sent_time", "title_expire_time");
        string(member, "nickname", "card", "sex", "area", "level", "role", "title");
        assertEquals("admin", member.getString("role"));
        assertFalse(member.getBoolean("unfriendly"));
        assertEquals(4, ok("get_group_member_list", "{group_id:30001}").asJsonArray().size());

        JsonObject honors = okObject("get_group_honor_info", "{group_id:30001, type:'all'}");
        number(honors, "group_id");
        assertEquals(JsonValue.ValueType.ARRAY, honors.get("talkative_list").getValueType());

        JsonObject unknown = call("get_group_info", "{group_id:39999}");
        assertEquals(1200, unknown.getInt("retcode"), "an unknown group is a failure with a reason");
        assertFalse(unknown.getString("message").isEmpty());
        assertEquals(1400, call("get_group_member_info", "{group_id:30001}").getInt("retcode"),
                "a missing parameter is named");
    }

    @Test
    void sendReadAndRecallMessages() throws Exception {
        long toFriend = okObject("send_private_msg", "{user_id:20001, message:'hi [CQ:face,id=14]'}")
                .getJsonNumber("message_id").longValueExact();
        assertTrue(toFriend >= Integer.MIN_VALUE && toFriend <= Integer.MAX_VALUE, "message_id is int32");
        long toGroup = id(okObject("send_group_msg",
                "{group_id:30001, message:[{type:'text',data:{text:'a&b'}},{type:'at',data:{qq:20002}}]}"), "message_id");
        id(okObject("send_msg", "{message_type:'group', group_id:30002, message:'[CQ:at,qq=all] x', auto_escape:true}"),
                "message_id");

        JsonObject read = okObject("get_msg", "{message_id:" + toGroup + "}");
        number(read, "time", "message_id", "real_id");
        assertEquals("group", read.getString("message_type"));
        assertEquals(selfId(), id(read.getJsonObject("sender"), "user_id"));
        if (stringFormat()) {
            assertEquals("a&amp;b[CQ:at,qq=20002]", read.getString("message"));
        } else {
            JsonArray message = read.getJsonArray("message");
            assertEquals("text", message.getJsonObject(0).getString("type"));
            assertEquals("a&b", message.getJsonObject(0).getJsonObject("data").getString("text"));
            assertEquals("20002", message.getJsonObject(1).getJsonObject("data").getString("qq"));
        }

        okNull("delete_msg", "{message_id:" + toGroup + "}");
        JsonObject recall = notice("group_recall");
        assertEquals(toGroup, id(recall, "message_id"));
        assertEquals(30001, id(recall, "group_id"));
        assertEquals(1200, call("get_msg", "{message_id:" + toGroup + "}").getInt("retcode"), "a recalled message is gone");

        okNull("delete_msg", "{message_id:" + toFriend + "}");
        JsonObject friendRecall = notice("friend_recall");
        assertEquals(toFriend, id(friendRecall, "message_id"));
        assertFalse(friendRecall.containsKey("group_id"));
    }

    @Test
    void aMessageFromAMemberArrivesInTheEntrysFormat() throws Exception {
        HttpResponse<String> said = gateway.sandbox("POST", "/messages",
                "{\"user_id\":20001,\"group_id\":30001,\"message\":\"hey [CQ:at,qq=" + selfId() + "]\"}",
                "Bearer " + token());
        assertEquals(200, said.statusCode(), said.body());
        JsonObject event = pushed(frame -> "message".equals(frame.getString("post_type", "")));
        assertEquals(stringFormat() ? "string" : "array", event.getString("message_format"));
        if (stringFormat()) {
            assertEquals("hey [CQ:at,qq=" + selfId() + "]", event.getString("message"));
        } else {
            assertEquals("at", event.getJsonArray("message").getJsonObject(1).getString("type"));
        }
        assertEquals(JsonValue.NULL, event.get("anonymous"));
        assertEquals("normal", event.getString("sub_type"));
    }

    @Test
    void groupAdministrationEmitsItsNotices() throws Exception {
        okNull("set_group_ban", "{group_id:30001, user_id:20002, duration:120}");
        JsonObject ban = notice("group_ban");
        assertEquals("ban", ban.getString("sub_type"));
        assertEquals(120, ban.getInt("duration"));
        assertEquals(20002, id(ban, "user_id"));
        assertEquals(selfId(), id(ban, "operator_id"));

        okNull("set_group_whole_ban", "{group_id:30001, enable:true}");
        assertEquals(0, id(notice("group_ban"), "user_id"), "a whole-group ban names no user");

        okNull("set_group_admin", "{group_id:30001, user_id:20004, enable:true}");
        JsonObject admin = notice("group_admin");
        assertEquals("set", admin.getString("sub_type"));
        assertEquals("admin", okObject("get_group_member_info", "{group_id:30001, user_id:20004}").getString("role"));

        okNull("set_group_kick", "{group_id:30001, user_id:20002}");
        JsonObject kick = notice("group_decrease");
        assertEquals("kick", kick.getString("sub_type"));
        assertEquals(20002, id(kick, "user_id"));

        okNull("set_group_leave", "{group_id:30002}");
        JsonObject leave = notice("group_decrease");
        assertEquals("leave", leave.getString("sub_type"));
        assertEquals(1, ok("get_group_list", null).asJsonArray().size());

        JsonObject denied = call("set_group_kick", "{group_id:30001, user_id:" + selfId() + "}");
        assertEquals(1200, denied.getInt("retcode"), "the owner is not kicked: " + denied);
    }

    @Test
    void groupSettingsShowInLaterQueries() throws Exception {
        okNull("set_group_card", "{group_id:30001, user_id:20002, card:'Bobby'}");
        okNull("set_group_special_title", "{group_id:30001, user_id:20002, special_title:'Star'}");
        JsonObject member = okObject("get_group_member_info", "{group_id:30001, user_id:20002}");
        assertEquals("Bobby", member.getString("card"));
        assertEquals("Star", member.getString("title"));

        okNull("set_group_name", "{group_id:30001, group_name:'Renamed'}");
        assertEquals("Renamed", okObject("get_group_info", "{group_id:30001}").getString("group_name"));

        okNull("set_group_anonymous", "{group_id:30001, enable:true}");
        okNull("send_like", "{user_id:20001, times:2}");
    }

    @Test
    void requestsAreAnsweredByTheirFlag() throws Exception {
        String friendFlag = WsClient.parse(gateway.sandbox("POST", "/requests",
                "{\"request_type\":\"friend\",\"user_id\":40001,\"nickname\":\"Eve\"}", "Bearer " + token()).body())
                .getString("flag");
        assertEquals(friendFlag, pushed(frame -> "request".equals(frame.getString("post_type", ""))).getString("flag"));
        okNull("set_friend_add_request", "{flag:'" + friendFlag + "', approve:true, remark:'Eve from work'}");
        assertEquals(40001, id(notice("friend_add"), "user_id"));
        assertTrue(ok("get_friend_list", null).asJsonArray().stream()
                .anyMatch(friend -> "Eve from work".equals(friend.asJsonObject().getString("remark"))));

        String joinFlag = WsClient.parse(gateway.sandbox("POST", "/requests",
                "{\"request_type\":\"group\",\"sub_type\":\"add\",\"group_id\":30001,\"user_id\":40002}",
                "Bearer " + token()).body()).getString("flag");
        okNull("set_group_add_request", "{flag:'" + joinFlag + "', sub_type:'add', approve:true}");
        JsonObject joined = notice("group_increase");
        assertEquals(40002, id(joined, "user_id"));
        assertNotNull(okObject("get_group_member_info", "{group_id:30001, user_id:40002}"));

        assertEquals(1200, call("set_friend_add_request", "{flag:'no-such-flag', approve:true}").getInt("retcode"));
    }

    @Test
    void unsupportedAndNapCatOnlyNamesAre1404() throws Exception {
        JsonObject unknown = call("get_rkey", null);
        assertEquals(1404, unknown.getInt("retcode"));
        assertEquals("不支持的API get_rkey", unknown.getString("message"));
    }

    private JsonObject say(String body) throws Exception {
        HttpResponse<String> said = gateway.sandbox("POST", "/messages", body, "Bearer " + token());
        assertEquals(200, said.statusCode(), said.body());
        JsonObject answer = WsClient.parse(said.body());
        long id = answer.getJsonNumber("message_id").longValueExact();
        return pushed(frame -> "message".equals(frame.getString("post_type", ""))
                && frame.getJsonNumber("message_id").longValueExact() == id);
    }

    private JsonObject lastGroupMessage(long groupId) throws Exception {
        JsonArray messages = okObject("get_group_msg_history", "{group_id:" + groupId + ", count:1}")
                .getJsonArray("messages");
        assertEquals(1, messages.size());
        return messages.getJsonObject(0);
    }

    @Test
    void forwardsAndHistory() throws Exception {
        JsonObject sent = okObject("send_group_forward_msg", "{group_id:30001, messages:["
                + "{type:'node', data:{user_id:20001, nickname:'Alice', content:'first'}},"
                + "{type:'node', data:{user_id:20002, nickname:'Bob', content:[{type:'face', data:{id:14}}]}}]}");
        number(sent, "message_id");
        string(sent, "res_id");
        JsonArray nodes = okObject("get_forward_msg", "{id:'" + sent.getString("res_id") + "'}").getJsonArray("messages");
        assertEquals(2, nodes.size());
        JsonObject first = nodes.getJsonObject(0);
        assertEquals(20001, id(first.getJsonObject("sender"), "user_id"));
        if (stringFormat()) {
            assertEquals("first", first.getString("message"));
        } else {
            assertEquals("first", first.getJsonArray("message").getJsonObject(0).getJsonObject("data").getString("text"));
        }
        id(okObject("send_private_forward_msg", "{user_id:20001, messages:[{type:'node', data:{id:"
                + sent.getJsonNumber("message_id") + "}}]}"), "message_id");

        for (String text : List.of("one", "two", "three")) {
            ok("send_group_msg", "{group_id:30002, message:'" + text + "'}");
        }
        JsonArray history = okObject("get_group_msg_history", "{group_id:30002, count:2}").getJsonArray("messages");
        assertEquals(2, history.size());
        assertEquals("two", history.getJsonObject(0).getString("raw_message"), "oldest first");
        assertEquals("three", history.getJsonObject(1).getString("raw_message"));
        JsonArray friendHistory = okObject("get_friend_msg_history", "{user_id:20001}").getJsonArray("messages");
        assertEquals(1, friendHistory.size(), "the forward sent to Alice");
        okNull("mark_msg_as_read", "{group_id:30002}");
    }

    @Test
    void essenceEmojiLikesAndMedia() throws Exception {
        long said = id(say("{\"user_id\":20002,\"group_id\":30001,\"message\":\"[CQ:image,file=cat.png,url=https://example.test/cat.png]\"}"),
                "message_id");
        okNull("set_essence_msg", "{message_id:" + said + "}");
        JsonObject essence = notice("essence");
        assertEquals("add", essence.getString("sub_type"));
        assertEquals(20002, id(essence, "sender_id"));
        JsonArray list = ok("get_essence_msg_list", "{group_id:30001}").asJsonArray();
        assertEquals(said, id(list.getJsonObject(0), "message_id"));

        okNull("set_msg_emoji_like", "{message_id:" + said + ", emoji_id:'76'}");
        JsonObject like = notice("group_msg_emoji_like");
        assertEquals("76", like.getJsonArray("likes").getJsonObject(0).getString("emoji_id"));

        assertEquals("https://example.test/cat.png", okObject("get_image", "{file:'cat.png'}").getString("file"));
        ok("send_private_msg", "{user_id:20001, message:'[CQ:record,file=hello.amr]'}");
        assertEquals("hello.amr", okObject("get_record", "{file:'hello.amr', out_format:'mp3'}").getString("file"));
    }

    @Test
    void quickOperationsOnAMessage() throws Exception {
        JsonObject fromBob = say("{\"user_id\":20002,\"group_id\":30001,\"message\":\"ping\"}");
        okNull(".handle_quick_operation", "{context:" + fromBob + ", operation:{reply:'pong'}}");
        JsonObject reply = lastGroupMessage(30001);
        assertEquals(selfId(), id(reply.getJsonObject("sender"), "user_id"));
        assertTrue(reply.getString("raw_message").contains("[CQ:at,qq=20002]"), "at_sender is on by default: " + reply);
        assertTrue(reply.getString("raw_message").endsWith("pong"), reply.toString());

        okNull(".handle_quick_operation", "{context:" + fromBob + ", operation:{delete:true}}");
        assertEquals(id(fromBob, "message_id"), id(notice("group_recall"), "message_id"));

        JsonObject fromDave = say("{\"user_id\":20004,\"group_id\":30001,\"message\":\"spam\"}");
        okNull(".handle_quick_operation", "{context:" + fromDave + ", operation:{ban:true, ban_duration:300}}");
        JsonObject ban = notice("group_ban");
        assertEquals(20004, id(ban, "user_id"));
        assertEquals(300, ban.getInt("duration"));
        okNull(".handle_quick_operation", "{context:" + fromDave + ", operation:{kick:true}}");
        assertEquals("kick", notice("group_decrease").getString("sub_type"));

        JsonObject denied = call(".handle_quick_operation", "{context:{post_type:'message'}, operation:{reply:'x'}}");
        assertEquals(1400, denied.getInt("retcode"), "an incomplete context is named: " + denied);
    }

    @Test
    void quickOperationsOnRequests() throws Exception {
        gateway.sandbox("POST", "/requests", "{\"request_type\":\"friend\",\"user_id\":40001}", "Bearer " + token());
        JsonObject friendRequest = pushed(frame -> "request".equals(frame.getString("post_type", "")));
        okNull(".handle_quick_operation", "{context:" + friendRequest + ", operation:{approve:true, remark:'Eve'}}");
        assertEquals(40001, id(notice("friend_add"), "user_id"));
        assertTrue(ok("get_friend_list", null).asJsonArray().stream()
                .anyMatch(friend -> "Eve".equals(friend.asJsonObject().getString("remark"))));

        gateway.sandbox("POST", "/requests", "{\"request_type\":\"group\",\"sub_type\":\"add\",\"group_id\":30001,\"user_id\":40002}",
                "Bearer " + token());
        JsonObject joinRequest = pushed(frame -> "request".equals(frame.getString("post_type", "")));
        okNull(".handle_quick_operation", "{context:" + joinRequest + ", operation:{approve:true}}");
        assertEquals(40002, id(notice("group_increase"), "user_id"));
    }
}
