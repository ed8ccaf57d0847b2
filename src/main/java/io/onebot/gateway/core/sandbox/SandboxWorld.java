package io.onebot.gateway.core.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people and groups the sandbox account knows. The default world has three friends and two
 * groups in which every role (owner, admin, member) occurs, the account itself included.
 */
public final class SandboxWorld {

    /** A person: a friend or a group member. */
    public record Person(long userId, String nickname, String sex, int age) {
    }

    /** A friend of the account. */
    public record Friend(Person person, String remark) {
    }

    /** A member of a group. */
    public record Member(Person person, String card, String role, String title, long joinTime, String level) {
    }

    /** A group with its members, in join order. */
    public record Group(long groupId, String name, int maxMemberCount, Map<Long, Member> members) {

        public Optional<Member> member(long userId) {
            return Optional.ofNullable(members.get(userId));
        }
    }

    private final Person self;
    private final Map<Long, Friend> friends = new LinkedHashMap<>();
    private final Map<Long, Group> groups = new LinkedHashMap<>();
    private final Map<Long, Person> people = new LinkedHashMap<>();

    private SandboxWorld(Person self) {
        this.self = self;
        people.put(self.userId(), self);
    }

    /** The default world around the account {@code selfId}. */
    public static SandboxWorld standard(long selfId, String nickname) {
        SandboxWorld world = new SandboxWorld(new Person(selfId, nickname, "unknown", 0));
        Person alice = new Person(20001, "Alice", "female", 24);
        Person bob = new Person(20002, "Bob", "male", 31);
        Person carol = new Person(20003, "Carol", "female", 19);
        Person dave = new Person(20004, "Dave", "male", 42);
        world.friend(alice, "Alice (work)");
        world.friend(bob, "");
        world.friend(carol, "Carol");
        long joined = 1_700_000_000L;
        world.group(30001, "Sandbox Lounge", 200, List.of(
                new Member(world.self, "", "owner", "Founder", joined, "100"),
                new Member(alice, "Alice in Lounge", "admin", "", joined + 60, "42"),
                new Member(bob, "", "member", "", joined + 120, "7"),
                new Member(dave, "Dave", "member", "", joined + 180, "1")));
        world.group(30002, "Bot Testing", 500, List.of(
                new Member(bob, "Bob the Owner", "owner", "", joined, "88"),
                new Member(world.self, "Sandbox Bot", "admin", "", joined + 30, "20"),
                new Member(carol, "", "member", "Newbie", joined + 90, "3")));
        return world;
    }

    private void friend(Person person, String remark) {
        friends.put(person.userId(), new Friend(person, remark));
        people.put(person.userId(), person);
    }

    private void group(long groupId, String name, int max, List<Member> members) {
        Map<Long, Member> byId = new LinkedHashMap<>();
        for (Member member : members) {
            byId.put(member.person().userId(), member);
            people.putIfAbsent(member.person().userId(), member.person());
        }
        groups.put(groupId, new Group(groupId, name, max, byId));
    }

    /** The account itself. */
    public Person self() {
        return self;
    }

    public Collection<Friend> friends() {
        return List.copyOf(friends.values());
    }

    public Optional<Friend> friend(long userId) {
        return Optional.ofNullable(friends.get(userId));
    }

    public Collection<Group> groups() {
        return List.copyOf(groups.values());
    }

    public Optional<Group> group(long groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    /** Anyone the account knows: itself, a friend or a member of one of its groups. */
    public Optional<Person> person(long userId) {
        return Optional.ofNullable(people.get(userId));
    }

    /** The known people's ids, for error messages. */
    public List<Long> knownPeople() {
        return new ArrayList<>(people.keySet());
    }
}
