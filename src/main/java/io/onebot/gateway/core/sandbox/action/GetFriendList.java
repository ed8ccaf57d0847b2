package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.FriendInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** {@code get_friend_list}: the account's friends. */
@ApplicationScoped
public class GetFriendList extends SandboxAction<NoParams, List<FriendInfo>> {

    @Inject
    SandboxCore core;

    public GetFriendList() {
        super("get_friend_list", NoParams.class);
    }

    @Override
    public List<FriendInfo> handle(NoParams params, ActionContext context) {
        return core.world().friends().stream()
                .map(f -> new FriendInfo(f.person().userId(), f.person().nickname(), f.remark()))
                .toList();
    }
}
