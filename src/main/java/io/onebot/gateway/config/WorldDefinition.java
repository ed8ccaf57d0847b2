package io.onebot.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * The starting state of the sandbox account's world, as a world file describes it or as built in.
 * Plain data: the sandbox core turns it into live, changing state and returns to it on reset.
 * Every person is defined once (self, a friend or a stranger); group members and requests refer
 * to people by {@code userId}.
 *
 * @param self           the account itself
 * @param friends        the account's friends
 * @param strangers      people who are not friends: other group members, people asking to be friends
 * @param groups         the groups the account is in
 * @param friendRequests pending requests to become the account's friend
 * @param groupRequests  pending requests to join a group the account manages, or invitations for it
 */
public record WorldDefinition(Person self, List<Friend> friends, List<Person> strangers, List<Group> groups,
                              List<FriendRequest> friendRequests, List<GroupRequest> groupRequests) {

    /** Sexes as OneBot reports them. */
    public static final List<String> SEXES = List.of("male", "female", "unknown");
    /** Member roles, strongest first. */
    public static final List<String> ROLES = List.of("owner", "admin", "member");
    /** Group honour kinds, as {@code get_group_honor_info} names them. */
    public static final List<String> HONORS = List.of("talkative", "performer", "legend", "strong_newbie", "emotion");

    public WorldDefinition {
        friends = List.copyOf(friends);
        strangers = List.copyOf(strangers);
        groups = List.copyOf(groups);
        friendRequests = List.copyOf(friendRequests);
        groupRequests = List.copyOf(groupRequests);
    }

    /** A person's public profile. */
    public record Person(long userId, String nickname, String sex, int age) {
    }

    /** A friend and the remark the account gave them. */
    public record Friend(Person person, String remark) {
    }

    /**
     * A group member.
     *
     * @param shutUpUntil Unix seconds until which the member may not speak; 0 when free
     */
    public record Member(long userId, String role, String card, String title, long joinTime, String level,
                         long shutUpUntil) {
    }

    /**
     * A group the account is in.
     *
     * @param wholeBan  whether only admins and the owner may speak
     * @param anonymous whether anonymous chat is allowed
     * @param honors    honour kind ({@link #HONORS}) to the members who hold it, best first
     */
    public record Group(long groupId, String name, int maxMemberCount, boolean wholeBan, boolean anonymous,
                        List<Member> members, Map<String, List<Long>> honors) {

        public Group {
            members = List.copyOf(members);
            honors = Map.copyOf(honors);
        }
    }

    /** Someone asking to become the account's friend; {@code flag} identifies the request. */
    public record FriendRequest(String flag, long userId, String comment) {
    }

    /**
     * A request about a group: {@code add} is {@code userId} asking to join {@code groupId}, which
     * the account manages; {@code invite} is {@code userId} inviting the account into
     * {@code groupId}, which it is not in yet and knows only by {@code groupName}.
     */
    public record GroupRequest(String flag, String subType, long groupId, String groupName, long userId,
                               String comment) {
    }

    /** The built-in world: three friends, a stranger, two groups in which every role occurs. */
    public static WorldDefinition standard(long selfId, String nickname) {
        Person self = new Person(selfId, nickname, "unknown", 0);
        Person alice = new Person(20001, "Alice", "female", 24);
        Person bob = new Person(20002, "Bob", "male", 31);
        Person carol = new Person(20003, "Carol", "female", 19);
        Person dave = new Person(20004, "Dave", "male", 42);
        long joined = 1_700_000_000L;
        Group lounge = new Group(30001, "Sandbox Lounge", 200, false, false, List.of(
                new Member(selfId, "owner", "", "Founder", joined, "100", 0),
                new Member(20001, "admin", "Alice in Lounge", "", joined + 60, "42", 0),
                new Member(20002, "member", "", "", joined + 120, "7", 0),
                new Member(20004, "member", "Dave", "", joined + 180, "1", 0)),
                Map.of("talkative", List.of(20001L), "performer", List.of(20002L, 20004L)));
        Group testing = new Group(30002, "Bot Testing", 500, false, false, List.of(
                new Member(20002, "owner", "Bob the Owner", "", joined, "88", 0),
                new Member(selfId, "admin", "Sandbox Bot", "", joined + 30, "20", 0),
                new Member(20003, "member", "", "Newbie", joined + 90, "3", 0)),
                Map.of("strong_newbie", List.of(20003L)));
        return new WorldDefinition(self,
                List.of(new Friend(alice, "Alice (work)"), new Friend(bob, ""), new Friend(carol, "Carol")),
                List.of(dave), List.of(lounge, testing), List.of(), List.of());
    }
}
