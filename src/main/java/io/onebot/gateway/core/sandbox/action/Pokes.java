package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import jakarta.json.Json;

/**
 * Pokes and the {@code notify}/{@code poke} notices they cause. A group poke carries
 * {@code group_id}; a friend poke has no {@code group_id} key at all (clients such as
 * node-napcat-ts tell the two apart by that key) and adds NapCat's {@code sender_id}.
 * {@code user_id} is the poker (the bot) and {@code target_id} the poked, as OneBot 11 defines.
 */
final class Pokes {

    private Pokes() {
    }

    static void group(SandboxCore core, long groupId, long userId) {
        Group group = core.group(groupId);
        GroupRules.bot(core, group);
        GroupRules.member(group, userId);
        core.notice("notify", Json.createObjectBuilder()
                .add("sub_type", "poke")
                .add("group_id", groupId)
                .add("user_id", core.selfId())
                .add("target_id", userId));
    }

    static void friend(SandboxCore core, long userId) {
        if (core.world().friend(userId).isEmpty()) {
            throw new ActionFailedException("user " + userId + " is not a friend of the sandbox account; friends: "
                    + core.world().friends().stream().map(f -> f.person().userId()).toList());
        }
        core.notice("notify", Json.createObjectBuilder()
                .add("sub_type", "poke")
                .add("user_id", core.selfId())
                .add("sender_id", core.selfId())
                .add("target_id", userId));
    }
}
