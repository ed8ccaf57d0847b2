package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.GroupInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** {@code get_group_list}: the groups the account is in. */
@ApplicationScoped
public class GetGroupList extends SandboxAction<NoParams, List<GroupInfo>> {

    @Inject
    SandboxCore core;

    public GetGroupList() {
        super("get_group_list", NoParams.class);
    }

    @Override
    public List<GroupInfo> handle(NoParams params, ActionContext context) {
        return core.world().groups().stream().map(Views::group).toList();
    }
}
