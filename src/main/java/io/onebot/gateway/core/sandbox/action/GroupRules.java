package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;

/**
 * What a QQ account may do in a group, as one set of rules for every group action: owner above
 * admin above member; a member acts on nobody; nobody acts on the owner; only the owner appoints
 * admins and gives special titles. A refusal is an {@link ActionFailedException} that says who
 * the bot is in the group and what it tried.
 */
final class GroupRules {

    private GroupRules() {
    }

    /** The bot's own membership of the group. */
    static Member bot(SandboxCore core, Group group) {
        return group.member(core.selfId()).orElseThrow(() -> new ActionFailedException(
                "the bot is not a member of group " + group.groupId()));
    }

    /** A member of the group, or a failure naming the members. */
    static Member member(Group group, long userId) {
        return group.member(userId).orElseThrow(() -> new ActionFailedException("user " + userId
                + " is not a member of group " + group.groupId() + "; members: " + group.members().keySet()));
    }

    /** The bot must be an admin or the owner to {@code verb} (e.g. "mute the whole group"). */
    static void requireAdmin(Group group, Member bot, String verb) {
        if (bot.rank() < 2) {
            throw new ActionFailedException("bot is only a member of group " + group.groupId() + " and cannot " + verb);
        }
    }

    /** The bot must be the owner to {@code verb} (e.g. "set admins"). */
    static void requireOwner(Group group, Member bot, String verb) {
        if (bot.rank() < 3) {
            throw new ActionFailedException("bot is " + article(bot.role()) + " of group " + group.groupId()
                    + ", not its owner, and cannot " + verb + "; only the owner can");
        }
    }

    /** The bot may {@code verb} (e.g. "ban") the target only from a higher role; never the owner or itself. */
    static void requireAbove(Group group, Member bot, Member target, String verb) {
        long targetId = target.person().userId();
        if (targetId == bot.person().userId()) {
            throw new ActionFailedException("the bot cannot " + verb + " itself in group " + group.groupId());
        }
        requireAdmin(group, bot, verb);
        if (target.role().equals("owner")) {
            throw new ActionFailedException("user " + targetId + " is the owner of group " + group.groupId()
                    + "; nobody can " + verb + " the owner");
        }
        if (target.rank() >= bot.rank()) {
            throw new ActionFailedException("bot is " + article(bot.role()) + " of group " + group.groupId()
                    + " and cannot " + verb + " user " + targetId + ", who is also an admin; only the owner can");
        }
    }

    /** A Unix-seconds span from a parameter: from 0 to {@code max} seconds. */
    static long seconds(long value, long max, String parameter) {
        if (value < 0 || value > max) {
            throw new InvalidParamsException(parameter, "must be from 0 to " + max + " seconds, not " + value);
        }
        return value;
    }

    private static String article(String role) {
        return role.equals("admin") ? "an admin" : "only a " + role;
    }
}
