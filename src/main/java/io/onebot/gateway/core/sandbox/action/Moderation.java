package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.event.MessageEvent;

/**
 * Kicking, muting and recalling, with their permission rules and notices, in one place: the
 * dedicated actions ({@code set_group_kick}, {@code set_group_ban}, {@code delete_msg}) and
 * {@code .handle_quick_operation} both come here, so a quick operation can do no more and no less
 * than the action it stands for.
 */
final class Moderation {

    /** Thirty days, QQ's longest mute. */
    static final long MAX_BAN = 30L * 24 * 3600;
    /** Half an hour, the mute OneBot 11 applies when no duration is given. */
    static final long DEFAULT_BAN = 1800;

    private Moderation() {
    }

    /** Removes a member below the bot's role and emits {@code group_decrease} ({@code kick}). */
    static void kick(SandboxCore core, long groupId, long userId) {
        core.world().atomically(() -> {
            Group group = core.group(groupId);
            GroupRules.requireAbove(group, GroupRules.bot(core, group), GroupRules.member(group, userId), "kick");
            return core.world().updateGroup(groupId, g -> g.withoutMember(userId));
        });
        core.notice("group_decrease", Jsonp.createObjectBuilder()
                .add("sub_type", "kick")
                .add("group_id", groupId)
                .add("operator_id", core.selfId())
                .add("user_id", userId));
    }

    /**
     * Mutes a member below the bot's role for {@code duration} seconds (already checked to be in
     * range), or lifts the mute with 0, and emits {@code group_ban}; lifting a mute that is not
     * there changes nothing and emits nothing.
     */
    static void ban(SandboxCore core, long groupId, long userId, long duration) {
        long now = core.now();
        boolean changed = core.world().atomically(() -> {
            Group group = core.group(groupId);
            Member target = GroupRules.member(group, userId);
            GroupRules.requireAbove(group, GroupRules.bot(core, group), target, duration == 0 ? "unban" : "ban");
            if (duration == 0 && !target.shutUp(now)) {
                return false;
            }
            return core.world().updateGroup(groupId,
                    g -> g.withMember(target.withShutUpUntil(duration == 0 ? 0 : now + duration)));
        });
        if (changed) {
            core.notice("group_ban", Jsonp.createObjectBuilder()
                    .add("sub_type", duration == 0 ? "lift_ban" : "ban")
                    .add("group_id", groupId)
                    .add("operator_id", core.selfId())
                    .add("user_id", userId)
                    .add("duration", duration));
        }
    }

    /**
     * Recalls a stored message and emits the recall notice. The bot recalls its own messages
     * anywhere; someone else's only in a group, and only from a role above theirs. A member who
     * has left can be recalled by an admin.
     */
    static void recall(SandboxCore core, int messageId) {
        MessageEvent message = core.message(messageId);
        if (!message.self() && message.userId() != core.selfId()) {
            if (!message.isGroup()) {
                throw new ActionFailedException("message " + messageId + " was sent by user " + message.userId()
                        + " in a private chat; only the sender can recall it");
            }
            core.world().atomically(() -> {
                Group group = core.group(message.groupId());
                Member bot = GroupRules.bot(core, group);
                Member sender = group.member(message.userId()).orElse(null);
                if (sender == null) {
                    GroupRules.requireAdmin(group, bot, "recall others' messages");
                } else {
                    GroupRules.requireAbove(group, bot, sender, "recall the messages of");
                }
                return null;
            });
        }
        core.recall(messageId);
    }
}
