package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code set_group_ban}: mutes a member below the bot's role for {@code duration} seconds (QQ
 * allows up to 30 days), or lifts the mute with 0. A {@code group_ban} notice follows
 * ({@code ban} with the duration, or {@code lift_ban} with 0); lifting a mute that is not there
 * changes nothing and emits nothing.
 */
@ApplicationScoped
public class SetGroupBan extends SandboxAction<SetGroupBan.Params, Void> {

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
        long duration = GroupRules.seconds(params.duration() == null ? Moderation.DEFAULT_BAN : params.duration(),
                Moderation.MAX_BAN, "duration");
        Moderation.ban(core, params.groupId(), params.userId(), duration);
        return null;
    }
}
