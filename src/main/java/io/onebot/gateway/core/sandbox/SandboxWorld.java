package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.config.WorldDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The people, groups and pending requests the sandbox account knows: live state that actions
 * change and queries read. It starts as a {@link WorldDefinition} (a world file or the built-in
 * world) and {@link #reset()} returns to it.
 *
 * <p>Thread-safe: every method holds the world's lock, and the values handed out are immutable
 * snapshots. A check followed by a change (is the bot an admin? then kick) runs inside
 * {@link #atomically(Supplier)}, so that no other change slips in between.
 */
public final class SandboxWorld {

    /** A person: the account, a friend, a group member or a stranger. */
    public record Person(long userId, String nickname, String sex, int age) {
    }

    /** A friend of the account. */
    public record Friend(Person person, String remark) {
    }

    /**
     * A member of a group.
     *
     * @param shutUpUntil     Unix seconds until which the member is muted; 0 when not
     * @param titleExpireTime Unix seconds when the special title lapses; 0 for never
     */
    public record Member(Person person, String card, String role, String title, long joinTime, String level,
                         long shutUpUntil, long titleExpireTime) {

        /** 3 for the owner, 2 for an admin, 1 for a plain member: who may act on whom. */
        public int rank() {
            return switch (role) {
                case "owner" -> 3;
                case "admin" -> 2;
                default -> 1;
            };
        }

        /** Whether the member is muted at {@code now} (Unix seconds). */
        public boolean shutUp(long now) {
            return shutUpUntil > now;
        }

        public Member withCard(String newCard) {
            return new Member(person, newCard, role, title, joinTime, level, shutUpUntil, titleExpireTime);
        }

        public Member withRole(String newRole) {
            return new Member(person, card, newRole, title, joinTime, level, shutUpUntil, titleExpireTime);
        }

        public Member withTitle(String newTitle, long expireTime) {
            return new Member(person, card, role, newTitle, joinTime, level, shutUpUntil, expireTime);
        }

        public Member withShutUpUntil(long until) {
            return new Member(person, card, role, title, joinTime, level, until, titleExpireTime);
        }
    }

    /**
     * A group with its members in join order.
     *
     * @param wholeBan  whether only admins and the owner may speak
     * @param anonymous whether anonymous chat is allowed
     * @param honors    honour kind to the ids of its holders, best first
     */
    public record Group(long groupId, String name, int maxMemberCount, Map<Long, Member> members, boolean wholeBan,
                        boolean anonymous, Map<String, List<Long>> honors) {

        public Group {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
            honors = Map.copyOf(honors);
        }

        public Optional<Member> member(long userId) {
            return Optional.ofNullable(members.get(userId));
        }

        public Group withName(String newName) {
            return new Group(groupId, newName, maxMemberCount, members, wholeBan, anonymous, honors);
        }

        public Group withWholeBan(boolean on) {
            return new Group(groupId, name, maxMemberCount, members, on, anonymous, honors);
        }

        public Group withAnonymous(boolean on) {
            return new Group(groupId, name, maxMemberCount, members, wholeBan, on, honors);
        }

        /** The group with this member added (at the end) or replaced (in place). */
        public Group withMember(Member member) {
            Map<Long, Member> changed = new LinkedHashMap<>(members);
            changed.put(member.person().userId(), member);
            return new Group(groupId, name, maxMemberCount, changed, wholeBan, anonymous, honors);
        }

        public Group withoutMember(long userId) {
            Map<Long, Member> changed = new LinkedHashMap<>(members);
            changed.remove(userId);
            return new Group(groupId, name, maxMemberCount, changed, wholeBan, anonymous, honors);
        }
    }

    /** Someone asking to become a friend; answered by {@code set_friend_add_request} with its flag. */
    public record FriendRequest(String flag, Person user, String comment) {
    }

    /**
     * A join request ({@code add}: {@code user} wants into {@code groupId}) or an invitation
     * ({@code invite}: {@code user} invites the account into {@code groupId}, named
     * {@code groupName}); answered by {@code set_group_add_request} with its flag.
     */
    public record GroupRequest(String flag, String subType, long groupId, String groupName, Person user,
                               String comment) {
    }

    private final WorldDefinition initial;
    private Person self;
    private final Map<Long, Friend> friends = new LinkedHashMap<>();
    private final Map<Long, Group> groups = new LinkedHashMap<>();
    private final Map<Long, Person> people = new LinkedHashMap<>();
    private final Map<String, FriendRequest> friendRequests = new LinkedHashMap<>();
    private final Map<String, GroupRequest> groupRequests = new LinkedHashMap<>();
    private final Map<Long, Integer> likes = new LinkedHashMap<>();
    private long likesDay;
    private long lastFlag;

    /** A world in the given starting state. */
    public SandboxWorld(WorldDefinition initial) {
        this.initial = initial;
        reset();
    }

    /** The default world around the account {@code selfId}. */
    public static SandboxWorld standard(long selfId, String nickname) {
        return new SandboxWorld(WorldDefinition.standard(selfId, nickname));
    }

    /** Forgets every change: back to the starting state. */
    public synchronized void reset() {
        friends.clear();
        groups.clear();
        people.clear();
        friendRequests.clear();
        groupRequests.clear();
        likes.clear();
        self = person(initial.self());
        people.put(self.userId(), self);
        for (WorldDefinition.Friend friend : initial.friends()) {
            Person person = person(friend.person());
            people.put(person.userId(), person);
            friends.put(person.userId(), new Friend(person, friend.remark()));
        }
        for (WorldDefinition.Person stranger : initial.strangers()) {
            people.put(stranger.userId(), person(stranger));
        }
        for (WorldDefinition.Group group : initial.groups()) {
            Map<Long, Member> members = new LinkedHashMap<>();
            for (WorldDefinition.Member m : group.members()) {
                members.put(m.userId(), new Member(people.get(m.userId()), m.card(), m.role(), m.title(), m.joinTime(),
                        m.level(), m.shutUpUntil(), 0));
            }
            groups.put(group.groupId(), new Group(group.groupId(), group.name(), group.maxMemberCount(), members,
                    group.wholeBan(), group.anonymous(), group.honors()));
        }
        for (WorldDefinition.FriendRequest r : initial.friendRequests()) {
            friendRequests.put(r.flag(), new FriendRequest(r.flag(), people.get(r.userId()), r.comment()));
        }
        for (WorldDefinition.GroupRequest r : initial.groupRequests()) {
            groupRequests.put(r.flag(), new GroupRequest(r.flag(), r.subType(), r.groupId(), r.groupName(),
                    people.get(r.userId()), r.comment()));
        }
    }

    private static Person person(WorldDefinition.Person p) {
        return new Person(p.userId(), p.nickname(), p.sex(), p.age());
    }

    /** Runs a check and the change it allows as one step; other changes wait. */
    public synchronized <T> T atomically(Supplier<T> checkAndChange) {
        return checkAndChange.get();
    }

    /** The account itself. */
    public synchronized Person self() {
        return self;
    }

    public synchronized Collection<Friend> friends() {
        return List.copyOf(friends.values());
    }

    public synchronized Optional<Friend> friend(long userId) {
        return Optional.ofNullable(friends.get(userId));
    }

    /** Makes a person a friend (and known), or changes a friend's remark. */
    public synchronized void putFriend(Person person, String remark) {
        people.put(person.userId(), person);
        friends.put(person.userId(), new Friend(person, remark));
    }

    /** Ends a friendship; the person stays known, as a stranger. */
    public synchronized Optional<Friend> removeFriend(long userId) {
        return Optional.ofNullable(friends.remove(userId));
    }

    public synchronized Collection<Group> groups() {
        return List.copyOf(groups.values());
    }

    public synchronized Optional<Group> group(long groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    /** Adds a group or replaces it with a changed copy; its members become known people. */
    public synchronized void putGroup(Group group) {
        group.members().values().forEach(m -> people.putIfAbsent(m.person().userId(), m.person()));
        groups.put(group.groupId(), group);
    }

    /** Changes a group the account is in; false when there is no such group. */
    public synchronized boolean updateGroup(long groupId, UnaryOperator<Group> change) {
        Group group = groups.get(groupId);
        if (group == null) {
            return false;
        }
        putGroup(change.apply(group));
        return true;
    }

    /** The account leaves the group (or the group is dismissed). */
    public synchronized Optional<Group> removeGroup(long groupId) {
        return Optional.ofNullable(groups.remove(groupId));
    }

    /** Anyone the account knows: itself, a friend, a group member or a stranger. */
    public synchronized Optional<Person> person(long userId) {
        return Optional.ofNullable(people.get(userId));
    }

    /** Makes a person known without making them a friend; a known person is left as they are. */
    public synchronized Person meet(Person person) {
        return people.computeIfAbsent(person.userId(), id -> person);
    }

    /** The known people's ids, for error messages. */
    public synchronized List<Long> knownPeople() {
        return new ArrayList<>(people.keySet());
    }

    public synchronized Collection<FriendRequest> friendRequests() {
        return List.copyOf(friendRequests.values());
    }

    public synchronized Collection<GroupRequest> groupRequests() {
        return List.copyOf(groupRequests.values());
    }

    /** Files a pending friend request; the requester becomes known. A request with the same flag is replaced. */
    public synchronized FriendRequest addFriendRequest(FriendRequest request) {
        meet(request.user());
        friendRequests.put(request.flag(), request);
        return request;
    }

    /** Files a pending join request or invitation; the requester becomes known. */
    public synchronized GroupRequest addGroupRequest(GroupRequest request) {
        meet(request.user());
        groupRequests.put(request.flag(), request);
        return request;
    }

    /** Removes and returns the pending friend request with that flag, if any. */
    public synchronized Optional<FriendRequest> takeFriendRequest(String flag) {
        return Optional.ofNullable(friendRequests.remove(flag));
    }

    /** Removes and returns the pending group request with that flag, if any. */
    public synchronized Optional<GroupRequest> takeGroupRequest(String flag) {
        return Optional.ofNullable(groupRequests.remove(flag));
    }

    /** A flag no pending request uses, for requests that arrive without one. */
    public synchronized String newFlag() {
        String flag;
        do {
            flag = "sandbox-" + ++lastFlag;
        } while (friendRequests.containsKey(flag) || groupRequests.containsKey(flag));
        return flag;
    }

    /**
     * Counts {@code times} likes given to a user on {@code day} (days since the epoch) and returns
     * the day's total, unless that would pass {@code limit}: then nothing is counted and -1 is returned.
     */
    public synchronized int like(long userId, long day, int times, int limit) {
        if (day != likesDay) {
            likes.clear();
            likesDay = day;
        }
        int total = likes.getOrDefault(userId, 0) + times;
        if (total > limit) {
            return -1;
        }
        likes.put(userId, total);
        return total;
    }
}
