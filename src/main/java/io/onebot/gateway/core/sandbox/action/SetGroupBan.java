package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

/**
 * {@code set_group_ban}: mutes a member below the bot's role for {@code duration} seconds (QQ
 * allows up to 30 days), or lifts the mute with 0. A {@code group_ban} notice follows
 * ({@code ban} with the duration, or {@code lift_ban} with 0); lifting a mute that is not there
 * changes nothing and emits nothing.
 */
@ApplicationScoped
public class SetGroupBan extends SandboxAction<SetGroupBan.Params, Void> {

    /** Thirty days, QQ's longest mute. */
    static final long MAX_DURATION = 30L * 24 * 3600;

    /** The group, the member and the mute's length in seconds (default 1800; 0 lifts it). */
    public record Params(@Required long groupId, @Required long userId, Long duration) {
    }

    @Inject
    SandboxCore core;

    public SetGroupBan() {
        super("set_group_ban", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        long duration = GroupRules.seconds(params.duration() == null ? 1800 : params.duration(), MAX_DURATION, "duration");
        long now = core.now();
        boolean changed = core.world().atomically(() -> {
            Group group = core.group(params.groupId());
            Member target = GroupRules.member(group, params.userId());
            GroupRules.requireAbove(group, GroupRules.bot(core, group), target, duration == 0 ? "unban" : "ban");
            if (duration == 0 && !target.shutUp(now)) {
                return false;
            }
            return core.world().updateGroup(group.groupId(),
                    g -> g.withMember(target.withShutUpUntil(duration == 0 ? 0 : now + duration)));
        });
        if (changed) {
            core.notice("group_ban", Json.createObjectBuilder()
                    .add("sub_type", duration == 0 ? "lift_ban" : "ban")
                    .add("group_id", params.groupId())
                    .add("operator_id", core.selfId())
                    .add("user_id", params.userId())
                    .add("duration", duration));
        }
        return null;
    }
}
