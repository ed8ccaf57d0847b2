package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.protocol.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code set_group_leave}: the bot leaves the group. An owner cannot simply leave: it dismisses
 * the group, and only when {@code is_dismiss} is true, as OneBot 11 specifies. Either way the
 * group is gone from the account's list and a {@code group_decrease} notice with {@code sub_type}
 * {@code leave} names the bot as both user and operator.
 */
@ApplicationScoped
public class SetGroupLeave extends SandboxAction<SetGroupLeave.Params, Void> {

    /** The group, and whether an owning bot dismisses it. */
    public record Params(@Required long groupId, boolean isDismiss) {
    }

    @Inject
    SandboxCore core;

    public SetGroupLeave() {
        super("set_group_leave", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        core.world().atomically(() -> {
            Group group = core.group(params.groupId());
            if (GroupRules.bot(core, group).role().equals("owner") && !params.isDismiss()) {
                throw new ActionFailedException("bot is the owner of group " + group.groupId()
                        + " and can only dismiss it; call again with is_dismiss true");
            }
            return core.world().removeGroup(group.groupId());
        });
        core.notice("group_decrease", Jsonp.createObjectBuilder()
                .add("sub_type", "leave")
                .add("group_id", params.groupId())
                .add("operator_id", core.selfId())
                .add("user_id", core.selfId()));
        return null;
    }
}
