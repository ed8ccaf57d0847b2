package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.LoginInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code get_login_info}: the account's QQ number and nickname. */
@ApplicationScoped
public class GetLoginInfo extends SandboxAction<NoParams, LoginInfo> {

    @Inject
    SandboxCore core;

    public GetLoginInfo() {
        super("get_login_info", NoParams.class);
    }

    @Override
    public LoginInfo handle(NoParams params, ActionContext context) {
        return new LoginInfo(core.selfId(), core.nickname());
    }
}
