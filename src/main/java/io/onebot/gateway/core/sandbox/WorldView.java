package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.core.sandbox.SandboxWorld.Friend;
import io.onebot.gateway.core.sandbox.SandboxWorld.FriendRequest;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.GroupRequest;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import io.onebot.gateway.core.sandbox.SandboxWorld.Person;
import io.onebot.gateway.protocol.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The world as JSON, in the layout of a world file ({@code onebot.sandbox.world}): what
 * {@code GET /sandbox/world} shows can be saved and loaded as the starting world of another run.
 * People who are neither the account nor a friend are listed as strangers, group members
 * included, since a file's members refer to people by id.
 */
final class WorldView {

    private WorldView() {
    }

    static JsonObject of(SandboxWorld world) {
        return world.atomically(() -> {
            Person self = world.self();
            Set<Long> named = new HashSet<>();
            named.add(self.userId());
            JsonArrayBuilder friends = Jsonp.createArrayBuilder();
            for (Friend friend : world.friends()) {
                named.add(friend.person().userId());
                friends.add(person(friend.person()).add("remark", friend.remark()));
            }
            JsonArrayBuilder strangers = Jsonp.createArrayBuilder();
            for (Long id : world.knownPeople()) {
                if (named.add(id)) {
                    world.person(id).ifPresent(person -> strangers.add(person(person)));
                }
            }
            JsonArrayBuilder groups = Jsonp.createArrayBuilder();
            world.groups().forEach(group -> groups.add(group(group)));
            JsonArrayBuilder friendRequests = Jsonp.createArrayBuilder();
            for (FriendRequest request : world.friendRequests()) {
                friendRequests.add(Jsonp.createObjectBuilder()
                        .add("flag", request.flag())
                        .add("user_id", request.user().userId())
                        .add("comment", request.comment()));
            }
            JsonArrayBuilder groupRequests = Jsonp.createArrayBuilder();
            for (GroupRequest request : world.groupRequests()) {
                groupRequests.add(Jsonp.createObjectBuilder()
                        .add("flag", request.flag())
                        .add("sub_type", request.subType())
                        .add("group_id", request.groupId())
                        .add("group_name", request.groupName())
                        .add("user_id", request.user().userId())
                        .add("comment", request.comment()));
            }
            return Jsonp.createObjectBuilder()
                    .add("self", person(self))
                    .add("friends", friends)
                    .add("strangers", strangers)
                    .add("groups", groups)
                    .add("friend_requests", friendRequests)
                    .add("group_requests", groupRequests)
                    .build();
        });
    }

    private static JsonObjectBuilder person(Person person) {
        return Jsonp.createObjectBuilder()
                .add("user_id", person.userId())
                .add("nickname", person.nickname())
                .add("sex", person.sex())
                .add("age", person.age());
    }

    private static JsonObjectBuilder group(Group group) {
        JsonArrayBuilder members = Jsonp.createArrayBuilder();
        for (Member member : group.members().values()) {
            members.add(Jsonp.createObjectBuilder()
                    .add("user_id", member.person().userId())
                    .add("role", member.role())
                    .add("card", member.card())
                    .add("title", member.title())
                    .add("join_time", member.joinTime())
                    .add("level", member.level())
                    .add("shut_up_until", member.shutUpUntil()));
        }
        JsonObjectBuilder honors = Jsonp.createObjectBuilder();
        for (Map.Entry<String, List<Long>> honor : group.honors().entrySet()) {
            JsonArrayBuilder holders = Jsonp.createArrayBuilder();
            honor.getValue().forEach(holders::add);
            honors.add(honor.getKey(), holders);
        }
        return Jsonp.createObjectBuilder()
                .add("group_id", group.groupId())
                .add("group_name", group.name())
                .add("max_member_count", group.maxMemberCount())
                .add("whole_ban", group.wholeBan())
                .add("anonymous", group.anonymous())
                .add("members", members)
                .add("honors", honors);
    }
}
