package io.onebot.gateway.core.sandbox;

import static io.onebot.gateway.core.sandbox.Fields.integer;
import static io.onebot.gateway.core.sandbox.Fields.present;
import static io.onebot.gateway.core.sandbox.Fields.string;

import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.codec.MessageValues;
import io.onebot.gateway.core.CoreControl;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import io.onebot.gateway.core.sandbox.SandboxWorld.Person;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.event.OneBotEvent;
import io.onebot.gateway.protocol.message.MessageFormat;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The sandbox's control surface: the simulated people act, under QQ's rules, and each call
 * answers with the events it emitted (in array form), so a bot author's test sees exactly what
 * the bot received. Checks come first and nothing changes when one fails. Raw events of any shape
 * remain possible through the {@link SandboxInjector}.
 */
final class SandboxControl implements CoreControl {

    /** What {@link #notice} can simulate. */
    static final List<String> NOTICES = List.of("notify (sub_type poke)", "group_increase", "group_decrease",
            "group_upload", "friend_add");
    private static final long GROUP_FILE_BUSID = 102;

    private final SandboxCore core;
    private final SandboxInjector injector;

    SandboxControl(SandboxCore core, SandboxInjector injector) {
        this.core = core;
        this.injector = injector;
    }

    @Override
    public JsonObject say(JsonObject body) {
        SandboxWorld world = core.world();
        long userId = integer(body, "user_id");
        if (userId == core.selfId()) {
            throw new IllegalArgumentException("user_id " + userId + " is the sandbox account itself; it speaks through"
                    + " the API (send_msg)");
        }
        JsonObjectBuilder event = Jsonp.createObjectBuilder().add("post_type", "message").add("user_id", userId);
        if (present(body, "group_id")) {
            Group group = group(body);
            Member member = member(group, userId);
            long now = core.now();
            if (member.shutUp(now)) {
                throw new IllegalArgumentException("user " + userId + " is muted in group " + group.groupId()
                        + " until " + member.shutUpUntil());
            }
            if (group.wholeBan() && member.rank() == 1) {
                throw new IllegalArgumentException("group " + group.groupId()
                        + " is muted as a whole; only admins and the owner may speak");
            }
            event.add("message_type", MessageEvent.GROUP).add("group_id", group.groupId());
        } else {
            if (world.person(userId).isEmpty()) {
                throw new IllegalArgumentException("user " + userId + " is unknown to the sandbox; people: "
                        + others(world));
            }
            event.add("message_type", MessageEvent.PRIVATE);
        }
        event.add("message", message(body));
        List<OneBotEvent> emitted = injector.emit(List.of(event.build()));
        MessageEvent message = (MessageEvent) emitted.get(0);
        return produced(emitted).add("message_id", message.messageId()).build();
    }

    /** The message as an array of segments, read (and so checked) the way the API reads it. */
    private static JsonValue message(JsonObject body) {
        if (!present(body, "message")) {
            throw Fields.missing("message");
        }
        List<Segment> segments = MessageValues.parse(body.get("message"),
                MessageValues.autoEscape(body.get("auto_escape")));
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("message is empty");
        }
        return Segment.array(segments);
    }

    @Override
    public JsonObject request(JsonObject body) {
        SandboxWorld world = core.world();
        String type = string(body, "request_type");
        long userId = integer(body, "user_id");
        if (userId == core.selfId()) {
            throw new IllegalArgumentException("user_id " + userId + " is the sandbox account itself");
        }
        JsonObjectBuilder event = Jsonp.createObjectBuilder()
                .add("post_type", "request")
                .add("request_type", type)
                .add("user_id", userId)
                .add("comment", string(body, "comment", ""));
        switch (type) {
            case "friend" -> {
                if (world.friend(userId).isPresent()) {
                    throw new IllegalArgumentException("user " + userId + " is already a friend");
                }
            }
            case "group" -> {
                String subType = string(body, "sub_type", "add");
                long groupId = integer(body, "group_id");
                event.add("sub_type", subType).add("group_id", groupId);
                switch (subType) {
                    case "add" -> {
                        Group group = group(body);
                        if (group.member(userId).isPresent()) {
                            throw new IllegalArgumentException("user " + userId + " is already a member of group "
                                    + groupId);
                        }
                        if (group.member(core.selfId()).map(Member::rank).orElse(0) < 2) {
                            throw new IllegalArgumentException("the sandbox account is not an admin of group " + groupId
                                    + ", so it is not asked about join requests");
                        }
                    }
                    case "invite" -> {
                        if (world.group(groupId).isPresent()) {
                            throw new IllegalArgumentException("the sandbox account is already in group " + groupId);
                        }
                        event.add("group_name", string(body, "group_name", "Group " + groupId));
                    }
                    default -> throw new IllegalArgumentException("sub_type of a group request must be add or invite,"
                            + " not '" + subType + "'");
                }
            }
            default -> throw new IllegalArgumentException("request_type must be friend or group, not '" + type + "'");
        }
        if (present(body, "flag")) {
            event.add("flag", string(body, "flag"));
        }
        if (present(body, "nickname")) {
            event.add("nickname", string(body, "nickname"));
        }
        List<OneBotEvent> emitted = injector.emit(List.of(event.build()));
        String flag = EventEncoder.toJson(emitted.get(0), MessageFormat.ARRAY).getString("flag");
        return produced(emitted).add("flag", flag).build();
    }

    @Override
    public JsonObject notice(JsonObject body) {
        String type = string(body, "notice_type");
        OneBotEvent event = switch (type) {
            case "notify" -> {
                String subType = string(body, "sub_type", "poke");
                if (!subType.equals("poke")) {
                    throw new IllegalArgumentException("sub_type of a notify notice must be poke, not '" + subType + "'");
                }
                yield poke(body);
            }
            case "group_increase" -> join(body);
            case "group_decrease" -> leave(body);
            case "group_upload" -> upload(body);
            case "friend_add" -> befriend(body);
            default -> throw new IllegalArgumentException("notice_type must be one of " + NOTICES + ", not '" + type
                    + "'; other notices can be injected as they are through /sandbox/events");
        };
        return produced(List.of(event)).build();
    }

    private OneBotEvent poke(JsonObject body) {
        long userId = integer(body, "user_id");
        long targetId = Fields.integer(body, "target_id", core.selfId());
        if (present(body, "group_id")) {
            Group group = group(body);
            member(group, userId);
            member(group, targetId);
            return core.poke(group.groupId(), userId, targetId);
        }
        if (core.world().friend(userId).isEmpty()) {
            throw new IllegalArgumentException("user " + userId + " is not a friend, so cannot poke outside a group;"
                    + " give group_id for a group poke");
        }
        if (targetId != core.selfId() && targetId != userId) {
            throw new IllegalArgumentException("a friend poke is between the friend and the sandbox account; target_id "
                    + targetId + " is neither");
        }
        return core.poke(null, userId, targetId);
    }

    private OneBotEvent join(JsonObject body) {
        Group group = group(body);
        long userId = integer(body, "user_id");
        String subType = string(body, "sub_type", "approve");
        if (!subType.equals("approve") && !subType.equals("invite")) {
            throw new IllegalArgumentException("sub_type of group_increase must be approve or invite, not '" + subType + "'");
        }
        if (group.member(userId).isPresent()) {
            throw new IllegalArgumentException("user " + userId + " is already a member of group " + group.groupId());
        }
        long operatorId = present(body, "operator_id") ? integer(body, "operator_id") : admin(group);
        Member operator = member(group, operatorId);
        if (subType.equals("approve") && operator.rank() < 2) {
            throw new IllegalArgumentException("operator " + operatorId + " is a plain member of group "
                    + group.groupId() + " and cannot approve a join request");
        }
        Person person = core.world().meet(new Person(userId, string(body, "nickname", "User " + userId), "unknown", 0));
        core.world().updateGroup(group.groupId(), g -> g.withMember(new Member(person, "", "member", "", core.now(),
                "1", 0, 0)));
        return core.notice("group_increase", Jsonp.createObjectBuilder()
                .add("sub_type", subType)
                .add("group_id", group.groupId())
                .add("operator_id", operatorId)
                .add("user_id", userId));
    }

    private OneBotEvent leave(JsonObject body) {
        Group group = group(body);
        long userId = integer(body, "user_id");
        Member member = member(group, userId);
        boolean self = userId == core.selfId();
        String subType = string(body, "sub_type", self ? "kick_me" : "leave");
        if (member.rank() == 3) {
            throw new IllegalArgumentException("user " + userId + " owns group " + group.groupId()
                    + "; the owner neither leaves nor is kicked");
        }
        long operatorId;
        switch (subType) {
            case "leave" -> {
                if (self) {
                    throw new IllegalArgumentException("the sandbox account leaves a group through the API"
                            + " (set_group_leave)");
                }
                operatorId = userId;
            }
            case "kick", "kick_me" -> {
                if (self != subType.equals("kick_me")) {
                    throw new IllegalArgumentException(self ? "sub_type must be kick_me when the sandbox account is kicked"
                            : "sub_type kick_me is for the sandbox account only; use kick");
                }
                operatorId = integer(body, "operator_id");
                Member operator = member(group, operatorId);
                if (operator.rank() <= member.rank()) {
                    throw new IllegalArgumentException("operator " + operatorId + " (" + operator.role()
                            + ") cannot kick user " + userId + " (" + member.role() + ")");
                }
            }
            default -> throw new IllegalArgumentException("sub_type of group_decrease must be leave, kick or kick_me,"
                    + " not '" + subType + "'");
        }
        if (self) {
            core.world().removeGroup(group.groupId());
        } else {
            core.world().updateGroup(group.groupId(), g -> g.withoutMember(userId));
        }
        return core.notice("group_decrease", Jsonp.createObjectBuilder()
                .add("sub_type", subType)
                .add("group_id", group.groupId())
                .add("operator_id", operatorId)
                .add("user_id", userId));
    }

    private OneBotEvent upload(JsonObject body) {
        Group group = group(body);
        long userId = integer(body, "user_id");
        member(group, userId);
        if (!(body.get("file") instanceof JsonObject file)) {
            throw new IllegalArgumentException("file must be an object {name, size}, not " + body.get("file"));
        }
        String name = string(file, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("file.name must not be blank");
        }
        long size = Fields.integer(file, "size", 0);
        if (size < 0) {
            throw new IllegalArgumentException("file.size must not be negative");
        }
        return core.notice("group_upload", Jsonp.createObjectBuilder()
                .add("group_id", group.groupId())
                .add("user_id", userId)
                .add("file", Jsonp.createObjectBuilder()
                        .add("id", "/" + UUID.randomUUID())
                        .add("name", name)
                        .add("size", size)
                        .add("busid", GROUP_FILE_BUSID)));
    }

    private OneBotEvent befriend(JsonObject body) {
        long userId = integer(body, "user_id");
        if (userId == core.selfId()) {
            throw new IllegalArgumentException("user_id " + userId + " is the sandbox account itself");
        }
        if (core.world().friend(userId).isPresent()) {
            throw new IllegalArgumentException("user " + userId + " is already a friend");
        }
        Person person = core.world().meet(new Person(userId, string(body, "nickname", "User " + userId), "unknown", 0));
        core.world().putFriend(person, "");
        return core.notice("friend_add", Jsonp.createObjectBuilder().add("user_id", userId));
    }

    @Override
    public JsonObject world() {
        return WorldView.of(core.world());
    }

    @Override
    public JsonObject reset() {
        core.reset();
        return world();
    }

    private Group group(JsonObject body) {
        long groupId = integer(body, "group_id");
        return core.world().group(groupId).orElseThrow(() -> new IllegalArgumentException("group " + groupId
                + " does not exist in the sandbox; groups: "
                + core.world().groups().stream().map(Group::groupId).toList()));
    }

    private static Member member(Group group, long userId) {
        return group.member(userId).orElseThrow(() -> new IllegalArgumentException("user " + userId
                + " is not a member of group " + group.groupId() + "; members: " + group.members().keySet()));
    }

    /** Who approves joins by default: the account when it may, otherwise the owner. */
    private long admin(Group group) {
        if (group.member(core.selfId()).map(Member::rank).orElse(0) >= 2) {
            return core.selfId();
        }
        return group.members().values().stream().filter(m -> m.rank() == 3).findFirst()
                .map(m -> m.person().userId()).orElse(core.selfId());
    }

    private List<Long> others(SandboxWorld world) {
        Set<Long> ids = new HashSet<>(world.knownPeople());
        ids.remove(core.selfId());
        return ids.stream().sorted().toList();
    }

    private static JsonObjectBuilder produced(List<OneBotEvent> events) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        events.forEach(event -> array.add(EventEncoder.toJson(event, MessageFormat.ARRAY)));
        return Jsonp.createObjectBuilder().add("events", array);
    }
}
