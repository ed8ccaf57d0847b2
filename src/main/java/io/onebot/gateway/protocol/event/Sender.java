package io.onebot.gateway.protocol.event;

/**
 * The {@code sender} object of a message event.
 *
 * @param card group card; null outside groups
 * @param role {@code owner}, {@code admin} or {@code member}; null outside groups
 */
public record Sender(long userId, String nickname, String card, String role) {

    /** A private-chat sender, which has no card or role. */
    public static Sender of(long userId, String nickname) {
        return new Sender(userId, nickname, null, null);
    }
}
