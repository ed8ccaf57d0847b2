package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;

/**
 * The bot's pokes: who may be poked, then the notice ({@link SandboxCore#poke}), with
 * {@code user_id} the poker (the bot) and {@code target_id} the poked, as OneBot 11 defines.
 */
final class Pokes {

    private Pokes() {
    }

    static void group(SandboxCore core, long groupId, long userId) {
        Group group = core.group(groupId);
        GroupRules.bot(core, group);
        GroupRules.member(group, userId);
        core.poke(groupId, core.selfId(), userId);
    }

    static void friend(SandboxCore core, long userId) {
        if (core.world().friend(userId).isEmpty()) {
            throw new ActionFailedException("user " + userId + " is not a friend of the sandbox account; friends: "
                    + core.world().friends().stream().map(f -> f.person().userId()).toList());
        }
        core.poke(null, core.selfId(), userId);
    }
}
