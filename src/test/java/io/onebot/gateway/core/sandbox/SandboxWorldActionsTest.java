package io.onebot.gateway.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.event.GenericEvent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * The group, friend and account actions against the built-in world: the bot (10001) owns group
 * 30001 (admin Alice 20001, members Bob 20002 and Dave 20004) and is an admin of 30002 (owner Bob,
 * member Carol 20003). Each test checks the answer, the notice a real account would see, what
 * later queries show, and that refusals change nothing and emit nothing.
 */
@EnableWeld
class SandboxWorldActionsTest extends SandboxTestBase {

    @WeldSetup
    WeldInitiator weld = sandboxWith(Map.of());

    private JsonObject member(long groupId, long userId) {
        return ok("get_group_member_info", "{\"group_id\":" + groupId + ",\"user_id\":" + userId + "}").asJsonObject();
    }

    @Test
    void kickRemovesTheMemberAndEmitsGroupDecrease() {
        assertEquals(JsonValue.NULL, ok("set_group_kick", "{\"group_id\":30001,\"user_id\":\"20002\",\"reject_add_request\":true}"));
        JsonObject notice = onlyNotice("group_decrease");
        assertEquals("kick", notice.getString("sub_type"));
        assertEquals(30001, notice.getInt("group_id"));
        assertEquals(10001, notice.getInt("operator_id"));
        assertEquals(20002, notice.getInt("user_id"));
        assertEquals(3, ok("get_group_info", "{\"group_id\":30001}").asJsonObject().getInt("member_count"));
        assertFalse(ok("get_group_member_list", "{\"group_id\":30001}").asJsonArray().stream()
                .anyMatch(m -> m.asJsonObject().getInt("user_id") == 20002));
        fails(1200, "get_group_member_info", "{\"group_id\":30001,\"user_id\":20002}");
    }

    @Test
    void permissionRulesRefuseAndChangeNothing() {
        assertTrue(fails(1200, "set_group_kick", "{\"group_id\":30002,\"user_id\":20002}").contains("owner of group 30002"));
        assertTrue(fails(1200, "set_group_ban", "{\"group_id\":30001,\"user_id\":10001}").contains("cannot ban itself"));
        assertTrue(fails(1200, "set_group_admin", "{\"group_id\":30002,\"user_id\":20003}")
                .contains("not its owner, and cannot set admins"));
        assertTrue(fails(1200, "set_group_special_title", "{\"group_id\":30002,\"user_id\":20003,\"special_title\":\"x\"}")
                .contains("cannot give special titles"));
        assertTrue(fails(1200, "set_group_kick", "{\"group_id\":39999,\"user_id\":20002}").contains("group 39999 does not exist"));
        assertTrue(fails(1200, "set_group_ban", "{\"group_id\":30001,\"user_id\":29999}").contains("not a member of group 30001"));
        assertTrue(notices().isEmpty());
        assertEquals(4, ok("get_group_info", "{\"group_id\":30001}").asJsonObject().getInt("member_count"));
        assertEquals("owner", member(30002, 20002).getString("role"));
        assertEquals("member", member(30002, 20003).getString("role"));
        assertEquals("Newbie", member(30002, 20003).getString("title"));
        assertEquals(0, member(30001, 10001).getInt("shut_up_timestamp"));
    }

    @Test
    void anAdminBotCannotActOnAnotherAdminAndAMemberBotCannotActAtAll() {
        // Bob, the owner of 30002, promotes Carol; later he demotes the bot (changes made in the world directly).
        core.world().updateGroup(30002, g -> g.withMember(g.member(20003).orElseThrow().withRole("admin")));
        assertTrue(fails(1200, "set_group_kick", "{\"group_id\":30002,\"user_id\":20003}")
                .contains("bot is an admin of group 30002 and cannot kick user 20003, who is also an admin"));
        core.world().updateGroup(30002, g -> g.withMember(g.member(10001).orElseThrow().withRole("member")));
        assertEquals("bot is only a member of group 30002 and cannot ban",
                fails(1200, "set_group_ban", "{\"group_id\":30002,\"user_id\":20003}"));
        assertTrue(fails(1200, "set_group_whole_ban", "{\"group_id\":30002}").contains("only a member"));
        assertTrue(fails(1200, "set_group_name", "{\"group_id\":30002,\"group_name\":\"x\"}").contains("only a member"));
        assertTrue(notices().isEmpty());
    }

    @Test
    void banMutesUntilATimeThatQueriesShowAndLiftingEndsIt() {
        long before = core.now();
        ok("set_group_ban", "{\"group_id\":30002,\"user_id\":20003,\"duration\":600}");
        JsonObject ban = onlyNotice("group_ban");
        assertEquals("ban", ban.getString("sub_type"));
        assertEquals(30002, ban.getInt("group_id"));
        assertEquals(10001, ban.getInt("operator_id"));
        assertEquals(20003, ban.getInt("user_id"));
        assertEquals(600, ban.getInt("duration"));
        long until = member(30002, 20003).getJsonNumber("shut_up_timestamp").longValue();
        assertTrue(until >= before + 600 && until <= core.now() + 600, "shut_up_timestamp " + until);

        recorder.events().clear();
        ok("set_group_ban", "{\"group_id\":30002,\"user_id\":20003,\"duration\":0}");
        JsonObject lift = onlyNotice("group_ban");
        assertEquals("lift_ban", lift.getString("sub_type"));
        assertEquals(0, lift.getInt("duration"));
        assertEquals(0, member(30002, 20003).getInt("shut_up_timestamp"));

        recorder.events().clear();
        ok("set_group_ban", "{\"group_id\":30002,\"user_id\":20003,\"duration\":0}");
        assertTrue(notices().isEmpty(), "lifting a mute that is not there says nothing");
        assertTrue(fails(1400, "set_group_ban", "{\"group_id\":30002,\"user_id\":20003,\"duration\":-5}").contains("'duration'"));
        assertTrue(fails(1400, "set_group_ban", "{\"group_id\":30002,\"user_id\":20003,\"duration\":2592001}").contains("'duration'"));
        assertTrue(fails(1400, "set_group_ban", "{\"group_id\":30002}").contains("'user_id'"));
    }

    @Test
    void wholeBanUsesUserZeroAndShowsInGroupInfo() {
        ok("set_group_whole_ban", "{\"group_id\":30001}");
        JsonObject on = onlyNotice("group_ban");
        assertEquals("ban", on.getString("sub_type"));
        assertEquals(0, on.getInt("user_id"));
        assertEquals(-1, on.getInt("duration"));
        assertEquals(10001, on.getInt("operator_id"));
        assertEquals(-1, ok("get_group_info", "{\"group_id\":30001}").asJsonObject().getInt("group_all_shut"));
        recorder.events().clear();
        ok("set_group_whole_ban", "{\"group_id\":30001,\"enable\":false}");
        JsonObject off = onlyNotice("group_ban");
        assertEquals("lift_ban", off.getString("sub_type"));
        assertEquals(0, off.getInt("duration"));
        assertEquals(0, ok("get_group_info", "{\"group_id\":30001}").asJsonObject().getInt("group_all_shut"));
    }

    @Test
    void adminsAreSetAndUnsetByTheOwnerOnly() {
        ok("set_group_admin", "{\"group_id\":30001,\"user_id\":20004}");
        JsonObject set = onlyNotice("group_admin");
        assertEquals("set", set.getString("sub_type"));
        assertEquals(30001, set.getInt("group_id"));
        assertEquals(20004, set.getInt("user_id"));
        assertEquals("admin", member(30001, 20004).getString("role"));
        recorder.events().clear();
        ok("set_group_admin", "{\"group_id\":30001,\"user_id\":20001,\"enable\":false}");
        assertEquals("unset", onlyNotice("group_admin").getString("sub_type"));
        assertEquals("member", member(30001, 20001).getString("role"));
        assertTrue(fails(1200, "set_group_admin", "{\"group_id\":30001,\"user_id\":10001}").contains("owner's role cannot change"));
    }

    @Test
    void cardsChangeWithAGroupCardNotice() {
        ok("set_group_card", "{\"group_id\":30002,\"user_id\":20003,\"card\":\"Carol C.\"}");
        JsonObject notice = onlyNotice("group_card");
        assertEquals("Carol C.", notice.getString("card_new"));
        assertEquals("", notice.getString("card_old"));
        assertEquals(20003, notice.getInt("user_id"));
        assertEquals("Carol C.", member(30002, 20003).getString("card"));
        ok("set_group_card", "{\"group_id\":30002,\"user_id\":10001}");
        assertEquals("", member(30002, 10001).getString("card"), "the bot may clear its own card");
        assertTrue(fails(1200, "set_group_card", "{\"group_id\":30002,\"user_id\":20002,\"card\":\"x\"}").contains("owner"));
        assertTrue(fails(1400, "set_group_card", "{\"group_id\":30002,\"user_id\":20003,\"card\":\"" + "x".repeat(61) + "\"}")
                .contains("'card'"));
    }

    @Test
    void groupNameAndAnonymousChange() {
        ok("set_group_name", "{\"group_id\":30002,\"group_name\":\" Renamed \"}");
        assertEquals("Renamed", ok("get_group_info", "{\"group_id\":30002}").asJsonObject().getString("group_name"));
        assertTrue(fails(1400, "set_group_name", "{\"group_id\":30002,\"group_name\":\"  \"}").contains("'group_name'"));
        assertTrue(fails(1400, "set_group_name", "{\"group_id\":30002}").contains("'group_name'"));

        assertTrue(fails(1200, "set_group_anonymous_ban", "{\"group_id\":30001,\"flag\":\"a1\"}").contains("anonymous chat is off"));
        ok("set_group_anonymous", "{\"group_id\":30001}");
        ok("set_group_anonymous_ban", "{\"group_id\":30001,\"anonymous\":{\"id\":1,\"name\":\"x\",\"flag\":\"a1\"},\"duration\":60}");
        ok("set_group_anonymous_ban", "{\"group_id\":30001,\"anonymous_flag\":\"a1\"}");
        assertTrue(fails(1400, "set_group_anonymous_ban", "{\"group_id\":30001}").contains("'anonymous_flag'"));
        assertTrue(fails(1400, "set_group_anonymous_ban", "{\"group_id\":30001,\"anonymous\":{\"id\":1}}").contains("'anonymous'"));
        assertTrue(notices().isEmpty());
    }

    @Test
    void leavingRemovesTheGroupButAnOwnerMustDismiss() {
        ok("set_group_leave", "{\"group_id\":30002}");
        JsonObject notice = onlyNotice("group_decrease");
        assertEquals("leave", notice.getString("sub_type"));
        assertEquals(10001, notice.getInt("user_id"));
        assertEquals(10001, notice.getInt("operator_id"));
        assertEquals(1, ok("get_group_list", "{}").asJsonArray().size());
        assertTrue(fails(1200, "set_group_leave", "{\"group_id\":30001}").contains("is_dismiss"));
        ok("set_group_leave", "{\"group_id\":30001,\"is_dismiss\":true}");
        assertEquals(0, ok("get_group_list", "{}").asJsonArray().size());
    }

    @Test
    void specialTitlesAreForTheOwnerAndLapse() {
        ok("set_group_special_title", "{\"group_id\":30001,\"user_id\":20002,\"special_title\":\"Helper\",\"duration\":3600}");
        JsonObject notice = onlyNotice("notify");
        assertEquals("title", notice.getString("sub_type"));
        assertEquals("Helper", notice.getString("title"));
        JsonObject bob = member(30001, 20002);
        assertEquals("Helper", bob.getString("title"));
        assertTrue(bob.getJsonNumber("title_expire_time").longValue() > core.now());
        assertTrue(fails(1400, "set_group_special_title",
                "{\"group_id\":30001,\"user_id\":20002,\"special_title\":\"" + "ab".repeat(10) + "\"}").contains("'special_title'"));
        assertTrue(fails(1400, "set_group_special_title", "{\"group_id\":30001,\"user_id\":20002,\"duration\":-2}").contains("'duration'"));
    }

    @Test
    void friendRequestsAreApprovedOrRejectedByFlag() {
        List<Integer> ids = core.injector().orElseThrow().inject(List.of(
                Json.createObjectBuilder().add("post_type", "request").add("request_type", "friend")
                        .add("user_id", 20009).add("comment", "hi").add("flag", "f-1").build(),
                Json.createObjectBuilder().add("post_type", "request").add("request_type", "friend")
                        .add("user_id", 20010).build()));
        assertEquals(2, ids.size());
        String generated = ((GenericEvent) recorder.events().get(1)).body().getString("flag");
        assertFalse(generated.isBlank());
        recorder.events().clear();

        ok("set_friend_add_request", "{\"flag\":\"f-1\",\"remark\":\"New pal\"}");
        assertEquals(20009, onlyNotice("friend_add").getInt("user_id"));
        JsonArray friends = ok("get_friend_list", "{}").asJsonArray();
        assertTrue(friends.stream().anyMatch(f -> f.asJsonObject().getInt("user_id") == 20009
                && f.asJsonObject().getString("remark").equals("New pal")));
        assertTrue(fails(1200, "set_friend_add_request", "{\"flag\":\"f-1\"}").contains("no pending friend request has flag 'f-1'"));

        recorder.events().clear();
        ok("set_friend_add_request", "{\"flag\":\"" + generated + "\",\"approve\":false}");
        assertTrue(notices().isEmpty());
        assertFalse(ok("get_friend_list", "{}").asJsonArray().stream().anyMatch(f -> f.asJsonObject().getInt("user_id") == 20010));
        assertTrue(fails(1400, "set_friend_add_request", "{}").contains("'flag'"));
    }

    @Test
    void joinRequestsAndInvitationsChangeTheGroups() {
        core.world().addGroupRequest(new SandboxWorld.GroupRequest("join-1", "add", 30001, "Sandbox Lounge",
                new SandboxWorld.Person(20010, "Erin", "female", 30), "let me in"));
        core.world().addGroupRequest(new SandboxWorld.GroupRequest("inv-1", "invite", 30009, "Elsewhere",
                core.world().person(20001).orElseThrow(), ""));
        assertTrue(fails(1200, "set_group_add_request", "{\"flag\":\"join-1\",\"type\":\"invite\"}").contains("sub_type add"));
        assertTrue(fails(1400, "set_group_add_request", "{\"flag\":\"join-1\",\"sub_type\":\"join\"}").contains("'sub_type'"));

        ok("set_group_add_request", "{\"flag\":\"join-1\",\"sub_type\":\"add\"}");
        JsonObject increase = onlyNotice("group_increase");
        assertEquals("approve", increase.getString("sub_type"));
        assertEquals(30001, increase.getInt("group_id"));
        assertEquals(10001, increase.getInt("operator_id"));
        assertEquals(20010, increase.getInt("user_id"));
        assertEquals("member", member(30001, 20010).getString("role"));

        recorder.events().clear();
        ok("set_group_add_request", "{\"flag\":\"inv-1\",\"type\":\"invite\"}");
        JsonObject joined = onlyNotice("group_increase");
        assertEquals("invite", joined.getString("sub_type"));
        assertEquals(10001, joined.getInt("user_id"));
        assertEquals(20001, joined.getInt("operator_id"));
        assertEquals("Elsewhere", ok("get_group_info", "{\"group_id\":30009}").asJsonObject().getString("group_name"));
        assertEquals("member", member(30009, 10001).getString("role"));
        assertTrue(fails(1200, "set_group_add_request", "{\"flag\":\"inv-1\"}").contains("no pending group request"));
    }

    @Test
    void aMemberBotCannotApproveJoinRequests() {
        core.world().updateGroup(30002, g -> g.withMember(g.member(10001).orElseThrow().withRole("member")));
        core.world().addGroupRequest(new SandboxWorld.GroupRequest("join-2", "add", 30002, "Bot Testing",
                new SandboxWorld.Person(20011, "Finn", "male", 20), ""));
        assertTrue(fails(1200, "set_group_add_request", "{\"flag\":\"join-2\"}").contains("cannot approve join requests"));
        ok("set_group_add_request", "{\"flag\":\"join-2\",\"approve\":false,\"reason\":\"no\"}");
        assertTrue(core.world().groupRequests().isEmpty());
    }

    @Test
    void honorInfoFollowsTheRequestedType() {
        JsonObject all = ok("get_group_honor_info", "{\"group_id\":30001,\"type\":\"all\"}").asJsonObject();
        assertEquals(30001, all.getInt("group_id"));
        JsonObject current = all.getJsonObject("current_talkative");
        assertEquals(20001, current.getInt("user_id"));
        assertEquals("Alice", current.getString("nickname"));
        assertTrue(current.getString("avatar").contains("20001"));
        assertEquals(1, current.getInt("day_count"));
        assertEquals(2, all.getJsonArray("performer_list").size());
        assertEquals(Set.of("group_id", "current_talkative", "talkative_list", "performer_list", "legend_list",
                "strong_newbie_list", "emotion_list"), all.keySet());
        JsonObject performer = all.getJsonArray("performer_list").getJsonObject(0);
        assertEquals(Set.of("user_id", "nickname", "avatar", "description"), performer.keySet());

        JsonObject one = ok("get_group_honor_info", "{\"group_id\":30002,\"type\":\"strong_newbie\"}").asJsonObject();
        assertEquals(Set.of("group_id", "strong_newbie_list"), one.keySet());
        assertEquals(20003, one.getJsonArray("strong_newbie_list").getJsonObject(0).getInt("user_id"));
        assertTrue(fails(1400, "get_group_honor_info", "{\"group_id\":30001,\"type\":\"best\"}").contains("'type'"));
        assertTrue(fails(1400, "get_group_honor_info", "{\"group_id\":30001}").contains("'type'"));
    }

    @Test
    void webCredentialsAreConsistent() {
        String cookies = ok("get_cookies", "{\"domain\":\"qun.qq.com\"}").asJsonObject().getString("cookies");
        assertTrue(cookies.startsWith("uin=o10001; skey=@") && cookies.contains("p_skey="), cookies);
        int token = ok("get_csrf_token", "{}").asJsonObject().getInt("token");
        assertTrue(token > 0);
        JsonObject credentials = ok("get_credentials", "{\"domain\":\"qun.qq.com\"}").asJsonObject();
        assertEquals(cookies, credentials.getString("cookies"));
        assertEquals(token, credentials.getInt("csrf_token"));
        assertTrue(fails(1400, "get_cookies", "{\"domain\":\"qun.qq.com; evil=1\"}").contains("'domain'"));
    }

    @Test
    void mediaLookupsFindWhatMessagesCarriedAndFailClearlyOtherwise() {
        ok("send_group_msg", "{\"group_id\":30001,\"message\":[{\"type\":\"image\",\"data\":{\"file\":\"cat.png\","
                + "\"url\":\"https://example.test/cat.png\"}},{\"type\":\"record\",\"data\":{\"file\":\"hi.amr\"}}]}");
        assertEquals("https://example.test/cat.png", ok("get_image", "{\"file\":\"cat.png\"}").asJsonObject().getString("file"),
                "an image is answered with its URL");
        assertEquals("hi.amr", ok("get_record", "{\"file\":\"hi.amr\",\"out_format\":\"mp3\"}").asJsonObject()
                .getString("file"), "a record without URL is answered with its file value");
        assertTrue(fails(1200, "get_image", "{\"file\":\"abc.image\"}").contains("image 'abc.image' was not seen"));
        assertTrue(fails(1400, "get_image", "{}").contains("'file'"));
        assertTrue(fails(1200, "get_record", "{\"file\":\"a.amr\",\"out_format\":\"mp3\"}").contains("record 'a.amr'"));
        assertTrue(fails(1400, "get_record", "{\"file\":\"a.amr\",\"out_format\":\"aac\"}").contains("'out_format'"));
        assertEquals(JsonValue.NULL, ok("set_restart", "{\"delay\":10}"));
        assertTrue(fails(1400, "set_restart", "{\"delay\":-1}").contains("'delay'"));
        assertEquals(JsonValue.NULL, ok("clean_cache", "{}"));
    }

    @Test
    void likesAreCountedPerDay() {
        ok("send_like", "{\"user_id\":20004,\"times\":9}");
        ok("send_like", "{\"user_id\":20004}");
        assertTrue(fails(1200, "send_like", "{\"user_id\":20004}").contains("limit is 10 a day"));
        assertTrue(fails(1400, "send_like", "{\"user_id\":20001,\"times\":0}").contains("'times'"));
        assertTrue(fails(1200, "send_like", "{\"user_id\":29999}").contains("unknown"));
        assertTrue(notices().isEmpty());
    }

    @Test
    void deletedFriendsAreGoneButStillKnown() {
        ok("delete_friend", "{\"user_id\":20003}");
        assertEquals(2, ok("get_friend_list", "{}").asJsonArray().size());
        assertEquals("Carol", ok("get_stranger_info", "{\"user_id\":20003}").asJsonObject().getString("nickname"));
        assertTrue(fails(1200, "delete_friend", "{\"user_id\":20003}").contains("not a friend"));
        assertTrue(fails(1200, "send_private_msg", "{\"user_id\":20003,\"message\":\"hi\"}").contains("not a friend"));
    }

    @Test
    void pokesTellFriendAndGroupPokesApartByTheGroupIdKey() {
        ok("friend_poke", "{\"user_id\":20001}");
        JsonObject friend = onlyNotice("notify");
        assertEquals("poke", friend.getString("sub_type"));
        assertFalse(friend.containsKey("group_id"));
        assertEquals(10001, friend.getInt("user_id"));
        assertEquals(10001, friend.getInt("sender_id"));
        assertEquals(20001, friend.getInt("target_id"));

        recorder.events().clear();
        ok("send_poke", "{\"user_id\":20004,\"group_id\":30001}");
        JsonObject group = onlyNotice("notify");
        assertEquals(30001, group.getInt("group_id"));
        assertEquals(20004, group.getInt("target_id"));
        assertFalse(group.containsKey("sender_id"));

        recorder.events().clear();
        ok("send_poke", "{\"user_id\":20002}");
        assertFalse(onlyNotice("notify").containsKey("group_id"));
        recorder.events().clear();
        ok("group_poke", "{\"group_id\":30002,\"user_id\":20003}");
        assertEquals(30002, onlyNotice("notify").getInt("group_id"));
        recorder.events().clear();
        assertTrue(fails(1200, "friend_poke", "{\"user_id\":20004}").contains("not a friend"));
        assertTrue(fails(1200, "group_poke", "{\"group_id\":30002,\"user_id\":20004}").contains("not a member"));
        assertTrue(fails(1400, "group_poke", "{\"user_id\":20004}").contains("'group_id'"));
        assertTrue(notices().isEmpty());
    }

    @Test
    void resetRestoresTheInitialWorld() {
        ok("set_group_kick", "{\"group_id\":30001,\"user_id\":20002}");
        ok("delete_friend", "{\"user_id\":20001}");
        ok("set_group_name", "{\"group_id\":30001,\"group_name\":\"Changed\"}");
        core.world().reset();
        assertEquals(4, ok("get_group_info", "{\"group_id\":30001}").asJsonObject().getInt("member_count"));
        assertEquals("Sandbox Lounge", ok("get_group_info", "{\"group_id\":30001}").asJsonObject().getString("group_name"));
        assertEquals(3, ok("get_friend_list", "{}").asJsonArray().size());
    }
}
