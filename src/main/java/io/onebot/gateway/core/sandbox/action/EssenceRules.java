package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.sandbox.Essence;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.protocol.Jsonp;

/**
 * What the essence actions share: only an admin or the owner marks or unmarks essence messages,
 * and each change emits NapCat's {@code essence} notice ({@code add} or {@code delete}) with the
 * group, the message, its sender and the operator (the bot).
 */
final class EssenceRules {

    private EssenceRules() {
    }

    /** The bot must be an admin or the owner of the group to {@code verb}. */
    static void requireAdmin(SandboxCore core, long groupId, String verb) {
        Group group = core.group(groupId);
        GroupRules.requireAdmin(group, GroupRules.bot(core, group), verb);
    }

    static void notice(SandboxCore core, String subType, Essence essence) {
        core.notice("essence", Jsonp.createObjectBuilder()
                .add("sub_type", subType)
                .add("group_id", essence.groupId())
                .add("message_id", essence.messageId())
                .add("sender_id", essence.senderId())
                .add("operator_id", core.selfId()));
    }
}
