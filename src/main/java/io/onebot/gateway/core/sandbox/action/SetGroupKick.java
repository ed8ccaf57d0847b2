package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

/**
 * {@code set_group_kick}: removes a member below the bot's role; a {@code group_decrease} notice
 * with {@code sub_type} {@code kick} follows. {@code reject_add_request} is accepted; the sandbox
 * has no later join request for it to refuse.
 */
@ApplicationScoped
public class SetGroupKick extends SandboxAction<SetGroupKick.Params, Void> {

    /** The group, the member, and whether to refuse their future join requests. */
    public record Params(@Required long groupId, @Required long userId, boolean rejectAddRequest) {
    }

    @Inject
    SandboxCore core;

    public SetGroupKick() {
        super("set_group_kick", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        core.world().atomically(() -> {
            Group group = core.group(params.groupId());
            GroupRules.requireAbove(group, GroupRules.bot(core, group), GroupRules.member(group, params.userId()), "kick");
            return core.world().updateGroup(group.groupId(), g -> g.withoutMember(params.userId()));
        });
        core.notice("group_decrease", Json.createObjectBuilder()
                .add("sub_type", "kick")
                .add("group_id", params.groupId())
                .add("operator_id", core.selfId())
                .add("user_id", params.userId()));
        return null;
    }
}
