package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.protocol.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code set_group_whole_ban}: mutes or unmutes the whole group (admins and the owner may still
 * speak). The {@code group_ban} notice has NapCat's shape for this case: {@code user_id} 0 and
 * {@code duration} -1 when muting, 0 when lifting. Setting the state the group already has emits
 * nothing.
 */
@ApplicationScoped
public class SetGroupWholeBan extends SandboxAction<SetGroupWholeBan.Params, Void> {

    /** The group and whether to mute it (default true). */
    public record Params(@Required long groupId, Boolean enable) {
    }

    @Inject
    SandboxCore core;

    public SetGroupWholeBan() {
        super("set_group_whole_ban", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        boolean enable = params.enable() == null || params.enable();
        boolean changed = core.world().atomically(() -> {
            Group group = core.group(params.groupId());
            GroupRules.requireAdmin(group, GroupRules.bot(core, group), enable ? "mute the whole group" : "unmute the whole group");
            return group.wholeBan() != enable && core.world().updateGroup(group.groupId(), g -> g.withWholeBan(enable));
        });
        if (changed) {
            core.notice("group_ban", Jsonp.createObjectBuilder()
                    .add("sub_type", enable ? "ban" : "lift_ban")
                    .add("group_id", params.groupId())
                    .add("operator_id", core.selfId())
                    .add("user_id", 0)
                    .add("duration", enable ? -1 : 0));
        }
        return null;
    }
}
