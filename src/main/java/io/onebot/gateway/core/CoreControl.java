package io.onebot.gateway.core;

import jakarta.json.JsonObject;

/**
 * A core's control surface for the people around the account, as the sandbox has: they speak,
 * ask to be friends or to join, poke, join and leave, and the account's world can be read and
 * reset. Every operation answers with what it produced, so a test sees exactly the events its
 * bot receives. Bodies and answers are JSON objects; the network layer only carries them.
 */
public interface CoreControl {

    /**
     * A friend, stranger or group member says something: {@code user_id}, {@code group_id} for a
     * group message, {@code message} in any OneBot 11 form and optionally {@code auto_escape}.
     *
     * @return {@code message_id} and the emitted {@code events}
     * @throws IllegalArgumentException naming what is wrong; nothing is emitted then
     */
    JsonObject say(JsonObject body);

    /**
     * Someone asks to be a friend ({@code request_type:"friend"}) or to join a group, or invites
     * the account into one ({@code request_type:"group"}, {@code sub_type} add or invite).
     *
     * @return the request's {@code flag} and the emitted {@code events}
     * @throws IllegalArgumentException naming what is wrong; nothing is emitted or filed then
     */
    JsonObject request(JsonObject body);

    /**
     * Something happens that the account is told about: a poke, a member joining or leaving, a
     * file upload, a new friend. The world changes accordingly.
     *
     * @return the emitted {@code events}
     * @throws IllegalArgumentException naming what is wrong; nothing changes then
     */
    JsonObject notice(JsonObject body);

    /** The world as it is now: the account, friends, strangers, groups and pending requests. */
    JsonObject world();

    /**
     * Puts the world back to its starting state and forgets every message.
     *
     * @return the world after the reset
     */
    JsonObject reset();
}
