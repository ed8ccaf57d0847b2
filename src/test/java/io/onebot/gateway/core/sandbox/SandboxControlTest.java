package io.onebot.gateway.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.codec.JsonText;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.CoreControl;
import jakarta.json.JsonObject;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's control surface against the built-in world (the bot 10001 owns 30001 with admin
 * Alice 20001 and members Bob 20002 and Dave 20004; it is an admin of 30002, owned by Bob, with
 * member Carol 20003; Dave is a stranger). Each call answers with exactly the events emitted,
 * changes the world as QQ would, and refuses what QQ would not allow without changing anything.
 */
@EnableWeld
class SandboxControlTest extends SandboxTestBase {

    @WeldSetup
    WeldInitiator weld = sandboxWith(Map.of());

    private CoreControl control;

    @BeforeEach
    void setUp() {
        control = core.control().orElseThrow();
    }

    private static JsonObject body(String text) {
        try {
            return JsonText.parse(text).asJsonObject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonObject onlyEvent(JsonObject answer) {
        assertEquals(1, answer.getJsonArray("events").size(), answer.toString());
        assertEquals(1, recorder.events().size(), "exactly the answered events were emitted");
        return answer.getJsonArray("events").getJsonObject(0);
    }

    private String refused(java.util.function.Supplier<JsonObject> call) {
        JsonObject before = control.world();
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, call::get);
        assertEquals(before, control.world(), "a refusal changes nothing");
        assertTrue(recorder.events().isEmpty(), "a refusal emits nothing");
        return refusal.getMessage();
    }

    @Test
    void aMemberSaysSomethingInAGroup() {
        JsonObject answer = control.say(body("{user_id:20001, group_id:30001, message:'hi [CQ:at,qq=10001]'}"));
        JsonObject event = onlyEvent(answer);

        assertEquals("message", event.getString("post_type"));
        assertEquals("group", event.getString("message_type"));
        assertEquals("normal", event.getString("sub_type"));
        assertEquals(answer.getInt("message_id"), event.getInt("message_id"));
        assertEquals(30001, event.getJsonNumber("group_id").longValue());
        assertEquals("admin", event.getJsonObject("sender").getString("role"));
        JsonObject sender = event.getJsonObject("sender");
        assertEquals("Alice in Lounge", sender.getString("card"));
        assertEquals("female", sender.getString("sex"));
        assertEquals(24, sender.getInt("age"));
        assertEquals("42", sender.getString("level"));
        assertEquals("", sender.getString("title"));
        assertEquals("", sender.getString("area"));
        assertEquals(java.util.Set.of("user_id", "nickname", "sex", "age", "card", "area", "level", "role", "title"),
                sender.keySet(), "a group sender has every field OneBot 11 lists");
        assertEquals("at", event.getJsonArray("message").getJsonObject(1).getString("type"));
        assertEquals("hi [CQ:at,qq=10001]", event.getString("raw_message"));
        assertTrue(event.containsKey("anonymous") && event.isNull("anonymous"), "a normal group message has anonymous:null");
        assertTrue(call("get_msg", "{\"message_id\":" + answer.getInt("message_id") + "}").isOk(),
                "what was said can be read back");
    }

    @Test
    void aFriendAndAStrangerSpeakPrivately() {
        JsonObject friend = onlyEvent(control.say(body("{user_id:20002, message:[{type:'text',data:{text:'yo'}}]}")));
        assertEquals("private", friend.getString("message_type"));
        assertEquals("friend", friend.getString("sub_type"));
        assertEquals(java.util.Set.of("user_id", "nickname", "sex", "age"), friend.getJsonObject("sender").keySet(),
                "a private sender has the private fields only");
        assertEquals("male", friend.getJsonObject("sender").getString("sex"));
        recorder.events().clear();

        JsonObject literal = onlyEvent(control.say(body("{user_id:20003, message:'[CQ:face,id=1]', auto_escape:true}")));
        assertEquals("text", literal.getJsonArray("message").getJsonObject(0).getString("type"),
                "auto_escape sends the code as text");
        recorder.events().clear();

        JsonObject stranger = onlyEvent(control.say(body("{user_id:20004, message:'who are you'}")));
        assertFalse("friend".equals(stranger.getString("sub_type")), "a stranger is not a friend");
    }

    @Test
    void whoMaySpeakFollowsQqsRules() {
        assertTrue(refused(() -> control.say(body("{user_id:20003, group_id:30001, message:'x'}")))
                .contains("not a member of group 30001"));
        assertTrue(refused(() -> control.say(body("{user_id:99999, message:'x'}"))).contains("unknown"));
        assertTrue(refused(() -> control.say(body("{user_id:10001, message:'x'}"))).contains("send_msg"));
        assertTrue(refused(() -> control.say(body("{user_id:20001, group_id:30001}"))).contains("message is required"));
        assertTrue(refused(() -> control.say(body("{user_id:20001, group_id:30001, message:[{type:'at',data:{}}]}")))
                .contains("qq"));

        assertTrue(call("set_group_ban", "{\"group_id\":30001,\"user_id\":20002,\"duration\":600}").isOk());
        recorder.events().clear();
        assertTrue(refused(() -> control.say(body("{user_id:20002, group_id:30001, message:'x'}"))).contains("muted"));

        assertTrue(call("set_group_whole_ban", "{\"group_id\":30002,\"enable\":true}").isOk());
        recorder.events().clear();
        assertTrue(refused(() -> control.say(body("{user_id:20003, group_id:30002, message:'x'}")))
                .contains("muted as a whole"));
        onlyEvent(control.say(body("{user_id:20002, group_id:30002, message:'the owner may'}")));
    }

    @Test
    void aFriendRequestIsFiledAndCanBeApproved() {
        JsonObject answer = control.request(body("{request_type:'friend', user_id:40001, comment:'hello', nickname:'Eve'}"));
        JsonObject event = onlyEvent(answer);
        assertEquals("request", event.getString("post_type"));
        assertEquals(answer.getString("flag"), event.getString("flag"));
        assertEquals("hello", event.getString("comment"));
        recorder.events().clear();

        assertTrue(call("set_friend_add_request", "{\"flag\":\"" + answer.getString("flag") + "\",\"approve\":true}").isOk());
        assertTrue(core.world().friend(40001).isPresent());
        assertEquals("friend_add", ((io.onebot.gateway.protocol.event.GenericEvent) recorder.events().get(0)).body()
                .getString("notice_type"));
    }

    @Test
    void groupRequestsNeedAGroupWhereTheAccountDecides() {
        JsonObject join = onlyEvent(control.request(body("{request_type:'group', sub_type:'add', group_id:30002, user_id:40002}")));
        assertEquals("add", join.getString("sub_type"));
        recorder.events().clear();
        JsonObject invite = onlyEvent(control.request(body(
                "{request_type:'group', sub_type:'invite', group_id:30009, user_id:20001, group_name:'New Place'}")));
        assertEquals("invite", invite.getString("sub_type"));
        recorder.events().clear();

        assertTrue(refused(() -> control.request(body("{request_type:'group', group_id:30001, user_id:20002}")))
                .contains("already a member"));
        assertTrue(refused(() -> control.request(body("{request_type:'group', sub_type:'invite', group_id:30001, user_id:20002}")))
                .contains("already in group"));
        assertTrue(refused(() -> control.request(body("{request_type:'friend', user_id:20001}"))).contains("already a friend"));
        assertTrue(refused(() -> control.request(body("{request_type:'enemy', user_id:20001}"))).contains("friend or group"));
        assertEquals(2, core.world().groupRequests().size(), "both accepted requests are pending");
    }

    @Test
    void pokesHaveNapCatsTwoShapes() {
        JsonObject group = onlyEvent(control.notice(body("{notice_type:'notify', sub_type:'poke', group_id:30001, user_id:20002}")));
        assertEquals(30001, group.getJsonNumber("group_id").longValue());
        assertEquals(20002, group.getJsonNumber("user_id").longValue());
        assertEquals(10001, group.getJsonNumber("target_id").longValue(), "the account is poked by default");
        recorder.events().clear();

        JsonObject friend = onlyEvent(control.notice(body("{notice_type:'notify', user_id:20001}")));
        assertFalse(friend.containsKey("group_id"), "a friend poke has no group_id key at all");
        assertEquals(20001, friend.getJsonNumber("sender_id").longValue());
        recorder.events().clear();

        assertTrue(refused(() -> control.notice(body("{notice_type:'notify', user_id:20004}"))).contains("not a friend"));
        assertTrue(refused(() -> control.notice(body("{notice_type:'notify', group_id:30002, user_id:20001}")))
                .contains("not a member"));
    }

    @Test
    void membersJoinAndLeaveAndTheWorldFollows() {
        JsonObject joined = onlyEvent(control.notice(body("{notice_type:'group_increase', group_id:30001, user_id:40003, nickname:'Finn'}")));
        assertEquals("approve", joined.getString("sub_type"));
        assertEquals(10001, joined.getJsonNumber("operator_id").longValue(), "the owning account approved");
        assertTrue(core.world().group(30001).orElseThrow().member(40003).isPresent());
        recorder.events().clear();

        JsonObject kicked = onlyEvent(control.notice(body(
                "{notice_type:'group_decrease', sub_type:'kick', group_id:30001, user_id:40003, operator_id:20001}")));
        assertEquals("kick", kicked.getString("sub_type"));
        assertFalse(core.world().group(30001).orElseThrow().member(40003).isPresent());
        recorder.events().clear();

        JsonObject left = onlyEvent(control.notice(body("{notice_type:'group_decrease', group_id:30002, user_id:20003}")));
        assertEquals("leave", left.getString("sub_type"));
        assertEquals(20003, left.getJsonNumber("operator_id").longValue());
        recorder.events().clear();

        JsonObject kickedMe = onlyEvent(control.notice(body(
                "{notice_type:'group_decrease', group_id:30002, user_id:10001, operator_id:20002}")));
        assertEquals("kick_me", kickedMe.getString("sub_type"));
        assertTrue(core.world().group(30002).isEmpty(), "the account is out of the group");
        recorder.events().clear();

        assertTrue(refused(() -> control.notice(body(
                "{notice_type:'group_decrease', sub_type:'kick', group_id:30001, user_id:20001, operator_id:20002}")))
                .contains("cannot kick"));
        assertTrue(refused(() -> control.notice(body("{notice_type:'group_decrease', group_id:30001, user_id:10001, operator_id:20001}")))
                .contains("owns group"));
        assertTrue(refused(() -> control.notice(body("{notice_type:'group_increase', group_id:30001, user_id:20002}")))
                .contains("already a member"));
    }

    @Test
    void uploadsAndNewFriends() {
        JsonObject upload = onlyEvent(control.notice(body(
                "{notice_type:'group_upload', group_id:30001, user_id:20002, file:{name:'notes.txt', size:1234}}")));
        JsonObject file = upload.getJsonObject("file");
        assertEquals("notes.txt", file.getString("name"));
        assertEquals(1234, file.getJsonNumber("size").longValue());
        assertFalse(file.getString("id").isEmpty());
        assertEquals(102, file.getInt("busid"));
        recorder.events().clear();

        JsonObject added = onlyEvent(control.notice(body("{notice_type:'friend_add', user_id:20004}")));
        assertEquals(20004, added.getJsonNumber("user_id").longValue());
        assertTrue(core.world().friend(20004).isPresent());
        recorder.events().clear();

        assertTrue(refused(() -> control.notice(body("{notice_type:'group_upload', group_id:30001, user_id:20002}")))
                .contains("file must be an object"));
        assertTrue(refused(() -> control.notice(body("{notice_type:'group_ban', group_id:30001, user_id:20002}")))
                .contains("/sandbox/events"));
    }

    @Test
    void theWorldViewLoadsAsAWorldFileAndResetRestoresTheStart() throws Exception {
        JsonObject start = control.world();
        control.notice(body("{notice_type:'friend_add', user_id:20004}"));
        control.request(body("{request_type:'friend', user_id:40001}"));
        int said = control.say(body("{user_id:20001, message:'remember me'}")).getInt("message_id");
        JsonObject changed = control.world();
        assertTrue(changed.getJsonArray("friends").size() > start.getJsonArray("friends").size());

        java.nio.file.Path file = java.nio.file.Files.createTempFile("world", ".json5");
        try {
            java.nio.file.Files.writeString(file, changed.toString());
            var loaded = SettingsReader.read(Map.of("onebot.sandbox.selfId", "10001",
                    "onebot.sandbox.world", file.toString())).sandbox().world();
            assertEquals(changed, WorldView.of(new SandboxWorld(loaded)), "the view is a world file of the same world");
        } finally {
            java.nio.file.Files.delete(file);
        }

        assertEquals(start, control.reset());
        assertFalse(call("get_msg", "{\"message_id\":" + said + "}").isOk(), "messages are forgotten too");
    }
}
