package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.protocol.action.GroupMemberInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code get_group_member_info}: one member of a group. */
@ApplicationScoped
public class GetGroupMemberInfo extends SandboxAction<GetGroupMemberInfo.Params, GroupMemberInfo> {

    /** The group and the member, and OneBot's cache hint (meaningless here). */
    public record Params(@Required long groupId, @Required long userId, boolean noCache) {
    }

    @Inject
    SandboxCore core;

    public GetGroupMemberInfo() {
        super("get_group_member_info", Params.class);
    }

    @Override
    public GroupMemberInfo handle(Params params, ActionContext context) {
        Group group = core.group(params.groupId());
        return group.member(params.userId())
                .map(m -> Views.member(group, m, core.now()))
                .orElseThrow(() -> new ActionFailedException("user " + params.userId() + " is not a member of group "
                        + params.groupId() + "; members: " + group.members().keySet()));
    }
}
