package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code set_group_name}: an admin or the owner renames the group. */
@ApplicationScoped
public class SetGroupName extends SandboxAction<SetGroupName.Params, Void> {

    /** QQ's limit on a group name, in characters. */
    static final int MAX_LENGTH = 30;

    /** The group and its new name. */
    public record Params(@Required long groupId, @Required String groupName) {
    }

    @Inject
    SandboxCore core;

    public SetGroupName() {
        super("set_group_name", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        String name = params.groupName().strip();
        if (name.isEmpty()) {
            throw new InvalidParamsException("group_name", "must not be blank");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new InvalidParamsException("group_name", "is longer than " + MAX_LENGTH + " characters");
        }
        core.world().atomically(() -> {
            Group group = core.group(params.groupId());
            GroupRules.requireAdmin(group, GroupRules.bot(core, group), "rename the group");
            return core.world().updateGroup(group.groupId(), g -> g.withName(name));
        });
        return null;
    }
}
