package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.GroupInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code get_group_info}: one group's name and size. */
@ApplicationScoped
public class GetGroupInfo extends SandboxAction<GetGroupInfo.Params, GroupInfo> {

    /** The group, and OneBot's cache hint (meaningless here). */
    public record Params(@Required long groupId, boolean noCache) {
    }

    @Inject
    SandboxCore core;

    public GetGroupInfo() {
        super("get_group_info", Params.class);
    }

    @Override
    public GroupInfo handle(Params params, ActionContext context) {
        return Views.group(core.group(params.groupId()));
    }
}
