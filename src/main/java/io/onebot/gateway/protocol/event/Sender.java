package io.onebot.gateway.protocol.event;

/**
 * The {@code sender} object of a message event, with the fields OneBot 11 lists: for everyone
 * {@code user_id}, {@code nickname}, {@code sex} and {@code age}; in a group also {@code card},
 * {@code area}, {@code level}, {@code role} and {@code title}.
 *
 * @param sex   {@code male}, {@code female} or {@code unknown}
 * @param card  group card; null outside groups, which marks a private-chat sender
 * @param role  {@code owner}, {@code admin} or {@code member}; null outside groups
 * @param area  region; null outside groups
 * @param level member level; null outside groups
 * @param title special title; null outside groups
 */
public record Sender(long userId, String nickname, String sex, int age, String card, String role, String area,
                     String level, String title) {

    /** A private-chat sender of whom only the name is known. */
    public static Sender of(long userId, String nickname) {
        return person(userId, nickname, "unknown", 0);
    }

    /** A private-chat sender. */
    public static Sender person(long userId, String nickname, String sex, int age) {
        return new Sender(userId, nickname, sex, age, null, null, null, null, null);
    }

    /** A group member as a sender. */
    public static Sender member(long userId, String nickname, String sex, int age, String card, String role,
                                String level, String title) {
        return new Sender(userId, nickname, sex, age, card, role, "", level, title);
    }

    /** Whether this sender speaks in a group, and so has the group fields. */
    public boolean inGroup() {
        return card != null;
    }
}
