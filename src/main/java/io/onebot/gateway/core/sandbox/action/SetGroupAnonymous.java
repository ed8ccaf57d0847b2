package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code set_group_anonymous}: an admin or the owner allows or forbids anonymous chat. */
@ApplicationScoped
public class SetGroupAnonymous extends SandboxAction<SetGroupAnonymous.Params, Void> {

    /** The group and whether anonymous chat is allowed (default true). */
    public record Params(@Required long groupId, Boolean enable) {
    }

    @Inject
    SandboxCore core;

    public SetGroupAnonymous() {
        super("set_group_anonymous", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        boolean enable = params.enable() == null || params.enable();
        core.world().atomically(() -> {
            Group group = core.group(params.groupId());
            GroupRules.requireAdmin(group, GroupRules.bot(core, group), "switch anonymous chat");
            return core.world().updateGroup(group.groupId(), g -> g.withAnonymous(enable));
        });
        return null;
    }
}
