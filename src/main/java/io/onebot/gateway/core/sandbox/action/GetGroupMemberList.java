package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.protocol.action.GroupMemberInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** {@code get_group_member_list}: every member of a group, in join order. */
@ApplicationScoped
public class GetGroupMemberList extends SandboxAction<GetGroupMemberList.Params, List<GroupMemberInfo>> {

    /** The group. */
    public record Params(@Required long groupId) {
    }

    @Inject
    SandboxCore core;

    public GetGroupMemberList() {
        super("get_group_member_list", Params.class);
    }

    @Override
    public List<GroupMemberInfo> handle(Params params, ActionContext context) {
        Group group = core.group(params.groupId());
        return group.members().values().stream().map(m -> Views.member(group, m, core.now())).toList();
    }
}
