package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import io.onebot.gateway.protocol.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code set_group_admin}: the owner makes a member an admin or an admin a member again; a
 * {@code group_admin} notice ({@code set} or {@code unset}) follows when the role changed.
 */
@ApplicationScoped
public class SetGroupAdmin extends SandboxAction<SetGroupAdmin.Params, Void> {

    /** The group, the member, and whether they become admin (default true). */
    public record Params(@Required long groupId, @Required long userId, Boolean enable) {
    }

    @Inject
    SandboxCore core;

    public SetGroupAdmin() {
        super("set_group_admin", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        boolean enable = params.enable() == null || params.enable();
        boolean changed = core.world().atomically(() -> {
            Group group = core.group(params.groupId());
            GroupRules.requireOwner(group, GroupRules.bot(core, group), "set admins");
            Member target = GroupRules.member(group, params.userId());
            if (target.role().equals("owner")) {
                throw new ActionFailedException("user " + params.userId() + " is the owner of group " + group.groupId()
                        + "; the owner's role cannot change");
            }
            String role = enable ? "admin" : "member";
            return !target.role().equals(role)
                    && core.world().updateGroup(group.groupId(), g -> g.withMember(target.withRole(role)));
        });
        if (changed) {
            core.notice("group_admin", Jsonp.createObjectBuilder()
                    .add("sub_type", enable ? "set" : "unset")
                    .add("group_id", params.groupId())
                    .add("user_id", params.userId()));
        }
        return null;
    }
}
