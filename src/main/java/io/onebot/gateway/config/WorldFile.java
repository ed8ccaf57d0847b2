package io.onebot.gateway.config;

import io.onebot.gateway.codec.JsonText;
import io.onebot.gateway.codec.MalformedRequestException;
import io.onebot.gateway.config.WorldDefinition.Friend;
import io.onebot.gateway.config.WorldDefinition.FriendRequest;
import io.onebot.gateway.config.WorldDefinition.Group;
import io.onebot.gateway.config.WorldDefinition.GroupRequest;
import io.onebot.gateway.config.WorldDefinition.Member;
import io.onebot.gateway.config.WorldDefinition.Person;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a sandbox world file (JSON5, see {@code server-config/sandbox-world.json5}) into a
 * {@link WorldDefinition}. Every problem is collected, each naming where it is: a line and column
 * for broken syntax, a path such as {@code groups[1].members[0].role} for a wrong value. A file
 * with problems yields no world, so the gateway never starts with a half-read one.
 */
final class WorldFile {

    private static final Set<String> TOP = Set.of("self", "friends", "strangers", "groups", "friend_requests",
            "group_requests");
    private static final Set<String> PERSON = Set.of("user_id", "nickname", "sex", "age");
    private static final Set<String> FRIEND = Set.of("user_id", "nickname", "sex", "age", "remark");
    private static final Set<String> GROUP = Set.of("group_id", "group_name", "max_member_count", "whole_ban",
            "anonymous", "members", "honors");
    private static final Set<String> MEMBER = Set.of("user_id", "role", "card", "title", "join_time", "level",
            "shut_up_until");
    private static final Set<String> FRIEND_REQUEST = Set.of("flag", "user_id", "comment");
    private static final Set<String> GROUP_REQUEST = Set.of("flag", "sub_type", "group_id", "group_name", "user_id",
            "comment");

    private final List<String> problems = new ArrayList<>();
    private final long selfId;
    private final String nickname;

    private WorldFile(long selfId, String nickname) {
        this.selfId = selfId;
        this.nickname = nickname;
    }

    /**
     * Reads the file, or adds to {@code problems} (each starting with {@code where}) and returns
     * null.
     *
     * @param selfId   the account's number from the settings; the file's {@code self.user_id} must match
     * @param nickname the nickname from the settings, used when the file gives none
     */
    static WorldDefinition read(Path file, long selfId, String nickname, String where, List<String> problems) {
        JsonValue content;
        try {
            content = JsonText.parseDocument(Files.readString(file));
        } catch (IOException e) {
            problems.add(where + ": cannot be read: " + e.getMessage());
            return null;
        } catch (MalformedRequestException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
        WorldFile reader = new WorldFile(selfId, nickname);
        WorldDefinition world = reader.world(content);
        reader.problems.forEach(problem -> problems.add(where + ": " + problem));
        return reader.problems.isEmpty() ? world : null;
    }

    private WorldDefinition world(JsonValue content) {
        if (!(content instanceof JsonObject top)) {
            problems.add("must hold a JSON object with self, friends, strangers, groups, friend_requests, group_requests");
            return null;
        }
        unknownKeys(top, "", TOP);
        Person self = self(top);
        Map<Long, String> people = new LinkedHashMap<>();
        people.put(self.userId(), "self");
        List<Friend> friends = new ArrayList<>();
        for (Item item : items(top, "friends")) {
            unknownKeys(item.object, item.path + ".", FRIEND);
            Person person = person(item);
            definedOnce(people, person.userId(), item.path);
            friends.add(new Friend(person, string(item.object, item.path, "remark", "")));
        }
        List<Person> strangers = new ArrayList<>();
        for (Item item : items(top, "strangers")) {
            unknownKeys(item.object, item.path + ".", PERSON);
            Person person = person(item);
            definedOnce(people, person.userId(), item.path);
            strangers.add(person);
        }
        List<Group> groups = new ArrayList<>();
        Set<Long> groupIds = new HashSet<>();
        for (Item item : items(top, "groups")) {
            Group group = group(item, people);
            if (!groupIds.add(group.groupId())) {
                problems.add(item.path + ".group_id: group " + group.groupId() + " is defined twice");
            }
            groups.add(group);
        }
        Set<String> flags = new HashSet<>();
        List<FriendRequest> friendRequests = new ArrayList<>();
        for (Item item : items(top, "friend_requests")) {
            unknownKeys(item.object, item.path + ".", FRIEND_REQUEST);
            FriendRequest request = new FriendRequest(flag(item, flags), id(item.object, item.path, "user_id"),
                    string(item.object, item.path, "comment", ""));
            known(people, request.userId(), item.path + ".user_id");
            if (request.userId() == selfId || friends.stream().anyMatch(f -> f.person().userId() == request.userId())) {
                problems.add(item.path + ".user_id: " + request.userId() + " is already a friend (or the account itself)");
            }
            friendRequests.add(request);
        }
        List<GroupRequest> groupRequests = new ArrayList<>();
        for (Item item : items(top, "group_requests")) {
            groupRequests.add(groupRequest(item, flags, people, groups));
        }
        return new WorldDefinition(self, friends, strangers, groups, friendRequests, groupRequests);
    }

    private Person self(JsonObject top) {
        if (!(top.get("self") instanceof JsonObject self)) {
            if (top.containsKey("self")) {
                problems.add("self: must be an object like {user_id: " + selfId + ", nickname: '...'}");
            }
            return new Person(selfId, nickname, "unknown", 0);
        }
        unknownKeys(self, "self.", PERSON);
        long id = self.containsKey("user_id") ? id(self, "self", "user_id") : selfId;
        if (id != selfId) {
            problems.add("self.user_id: " + id + " is not the account's number " + selfId
                    + " (onebot.sandbox.selfId); make them the same");
        }
        return new Person(selfId, string(self, "self", "nickname", nickname), sex(self, "self"),
                (int) number(self, "self", "age", 0, 0, 200));
    }

    private Person person(Item item) {
        String nick = string(item.object, item.path, "nickname", null);
        if (nick == null) {
            problems.add(item.path + ".nickname: is required");
        }
        return new Person(id(item.object, item.path, "user_id"), nick == null ? "" : nick, sex(item.object, item.path),
                (int) number(item.object, item.path, "age", 0, 0, 200));
    }

    private Group group(Item item, Map<Long, String> people) {
        JsonObject o = item.object;
        String path = item.path;
        unknownKeys(o, path + ".", GROUP);
        long groupId = id(o, path, "group_id");
        String name = string(o, path, "group_name", "");
        if (name.isBlank()) {
            problems.add(path + ".group_name: is required and must not be blank");
        }
        List<Member> members = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Item m : items(o, path, "members")) {
            unknownKeys(m.object, m.path + ".", MEMBER);
            long userId = id(m.object, m.path, "user_id");
            known(people, userId, m.path + ".user_id");
            if (!seen.add(userId)) {
                problems.add(m.path + ".user_id: " + userId + " is a member twice");
            }
            String role = string(m.object, m.path, "role", "member");
            if (!WorldDefinition.ROLES.contains(role)) {
                problems.add(m.path + ".role: '" + role + "' is not one of " + WorldDefinition.ROLES);
            }
            members.add(new Member(userId, role, string(m.object, m.path, "card", ""), string(m.object, m.path, "title", ""),
                    number(m.object, m.path, "join_time", 0, 0, Long.MAX_VALUE), string(m.object, m.path, "level", "1"),
                    number(m.object, m.path, "shut_up_until", 0, 0, Long.MAX_VALUE)));
        }
        long owners = members.stream().filter(m -> m.role().equals("owner")).count();
        if (owners != 1) {
            problems.add(path + ".members: a group has exactly one owner, not " + owners);
        }
        if (!seen.contains(selfId)) {
            problems.add(path + ".members: the account " + selfId + " must be a member of each of its groups");
        }
        int max = (int) number(o, path, "max_member_count", 200, 1, 100_000);
        if (max < members.size()) {
            problems.add(path + ".max_member_count: " + max + " is less than the " + members.size() + " members");
        }
        return new Group(groupId, name, max, bool(o, path, "whole_ban"), bool(o, path, "anonymous"), members,
                honors(o, path, seen));
    }

    private Map<String, List<Long>> honors(JsonObject group, String path, Set<Long> members) {
        if (!group.containsKey("honors")) {
            return Map.of();
        }
        if (!(group.get("honors") instanceof JsonObject honors)) {
            problems.add(path + ".honors: must be an object such as {talkative: [20001]}");
            return Map.of();
        }
        unknownKeys(honors, path + ".honors.", Set.copyOf(WorldDefinition.HONORS));
        Map<String, List<Long>> result = new LinkedHashMap<>();
        for (String kind : WorldDefinition.HONORS) {
            List<Long> holders = new ArrayList<>();
            for (Item holder : items(honors, path + ".honors", kind, true)) {
                long id = holder.id;
                if (!members.contains(id)) {
                    problems.add(holder.path + ": " + id + " is not a member of this group");
                }
                holders.add(id);
            }
            if (!holders.isEmpty()) {
                result.put(kind, holders);
            }
        }
        return result;
    }

    private GroupRequest groupRequest(Item item, Set<String> flags, Map<Long, String> people, List<Group> groups) {
        JsonObject o = item.object;
        String path = item.path;
        unknownKeys(o, path + ".", GROUP_REQUEST);
        String flag = flag(item, flags);
        String subType = string(o, path, "sub_type", "");
        long groupId = id(o, path, "group_id");
        long userId = id(o, path, "user_id");
        known(people, userId, path + ".user_id");
        Group group = groups.stream().filter(g -> g.groupId() == groupId).findFirst().orElse(null);
        String groupName = string(o, path, "group_name", group == null ? "" : group.name());
        switch (subType) {
            case "add" -> {
                if (group == null) {
                    problems.add(path + ".group_id: " + groupId + " is not one of the account's groups; a join request needs one");
                } else if (group.members().stream().anyMatch(m -> m.userId() == userId)) {
                    problems.add(path + ".user_id: " + userId + " is already a member of group " + groupId);
                }
            }
            case "invite" -> {
                if (group != null) {
                    problems.add(path + ".group_id: the account is already in group " + groupId + "; an invitation is for another group");
                }
                if (groupName.isBlank()) {
                    problems.add(path + ".group_name: is required for an invitation (the account does not know the group yet)");
                }
            }
            default -> problems.add(path + ".sub_type: '" + subType + "' is not add or invite");
        }
        return new GroupRequest(flag, subType, groupId, groupName, userId, string(o, path, "comment", ""));
    }

    private String flag(Item item, Set<String> flags) {
        String flag = string(item.object, item.path, "flag", "");
        if (flag.isBlank()) {
            problems.add(item.path + ".flag: is required and must not be blank");
        } else if (!flags.add(flag)) {
            problems.add(item.path + ".flag: '" + flag + "' is used by another request");
        }
        return flag;
    }

    private void definedOnce(Map<Long, String> people, long userId, String path) {
        String earlier = people.putIfAbsent(userId, path);
        if (earlier != null) {
            problems.add(path + ".user_id: " + userId + " is already defined at " + earlier);
        }
    }

    private void known(Map<Long, String> people, long userId, String path) {
        if (userId != 0 && !people.containsKey(userId)) {
            problems.add(path + ": " + userId + " is not defined; add them to friends or strangers");
        }
    }

    private void unknownKeys(JsonObject object, String prefix, Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                problems.add(prefix + key + ": unknown field; known fields are " + new TreeSet<>(known));
            }
        }
    }

    /** An element of an array, with its path for messages. */
    private record Item(JsonObject object, long id, String path) {
    }

    private List<Item> items(JsonObject parent, String key) {
        return items(parent, "", key, false);
    }

    private List<Item> items(JsonObject parent, String parentPath, String key) {
        return items(parent, parentPath + ".", key, false);
    }

    /** The objects (or, with {@code ids}, the numbers) of an optional array. */
    private List<Item> items(JsonObject parent, String prefix, String key, boolean ids) {
        String dottedPrefix = prefix.isEmpty() || prefix.endsWith(".") ? prefix : prefix + ".";
        String path = dottedPrefix + key;
        JsonValue value = parent.get(key);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            problems.add(path + ": must be an array");
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            JsonValue element = array.get(i);
            if (ids) {
                if (element instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
                    items.add(new Item(null, n.longValue(), at));
                } else {
                    problems.add(at + ": must be a QQ number, not " + element);
                }
            } else if (element instanceof JsonObject object) {
                items.add(new Item(object, 0, at));
            } else {
                problems.add(at + ": must be an object, not " + element);
            }
        }
        return items;
    }

    private long id(JsonObject object, String path, String key) {
        if (!object.containsKey(key)) {
            problems.add(path + "." + key + ": is required");
            return 0;
        }
        return number(object, path, key, 0, 1, 0xFFFF_FFFFL);
    }

    private long number(JsonObject object, String path, String key, long defaultValue, long min, long max) {
        JsonValue value = object.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().bitLength() < 64
                && n.longValue() >= min && n.longValue() <= max) {
            return n.longValue();
        }
        problems.add(path + "." + key + ": " + value + " is not a whole number from " + min + " to " + max);
        return defaultValue;
    }

    private String string(JsonObject object, String path, String key, String defaultValue) {
        JsonValue value = object.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        problems.add(path + "." + key + ": must be a string, not " + value);
        return defaultValue;
    }

    private boolean bool(JsonObject object, String path, String key) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        problems.add(path + "." + key + ": must be true or false, not " + value);
        return false;
    }

    private String sex(JsonObject object, String path) {
        String sex = string(object, path, "sex", "unknown");
        if (!WorldDefinition.SEXES.contains(sex)) {
            problems.add(path + ".sex: '" + sex + "' is not one of " + WorldDefinition.SEXES);
            return "unknown";
        }
        return sex;
    }
}
