package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * {@code set_group_anonymous_ban}: mutes an anonymous sender, named by the {@code anonymous}
 * object of their message, or by its flag as {@code anonymous_flag} (or {@code flag}). The
 * parameters and the bot's rights are checked; since no anonymous member can be seen in the
 * sandbox, nothing else changes and no notice follows (QQ reports none either).
 */
@ApplicationScoped
public class SetGroupAnonymousBan extends SandboxAction<SetGroupAnonymousBan.Params, Void> {

    /** The group, the anonymous sender in one of three spellings, and the mute's length (default 1800). */
    public record Params(@Required long groupId, JsonObject anonymous, String anonymousFlag, String flag,
                         Long duration) {
    }

    @Inject
    SandboxCore core;

    public SetGroupAnonymousBan() {
        super("set_group_anonymous_ban", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        anonymousFlag(params);
        GroupRules.seconds(params.duration() == null ? Moderation.DEFAULT_BAN : params.duration(), Moderation.MAX_BAN, "duration");
        Group group = core.group(params.groupId());
        GroupRules.requireAdmin(group, GroupRules.bot(core, group), "ban anonymous senders");
        if (!group.anonymous()) {
            throw new ActionFailedException("anonymous chat is off in group " + group.groupId()
                    + ", so there is no anonymous sender to ban");
        }
        return null;
    }

    private static String anonymousFlag(Params params) {
        if (params.anonymous() != null) {
            if (params.anonymous().get("flag") instanceof JsonString flag && !flag.getString().isBlank()) {
                return flag.getString();
            }
            throw new InvalidParamsException("anonymous", "must carry the non-empty string 'flag' of the anonymous sender");
        }
        String flag = params.anonymousFlag() != null ? params.anonymousFlag() : params.flag();
        if (flag == null || flag.isBlank()) {
            throw new InvalidParamsException("anonymous_flag", "is required (or 'anonymous' or 'flag')");
        }
        return flag;
    }
}
