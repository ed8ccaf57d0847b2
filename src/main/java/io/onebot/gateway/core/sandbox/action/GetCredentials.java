package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.Cookies;
import io.onebot.gateway.protocol.action.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code get_credentials}: {@code get_cookies} and {@code get_csrf_token} in one call. */
@ApplicationScoped
public class GetCredentials extends SandboxAction<GetCookies.Params, Credentials> {

    @Inject
    SandboxCore core;

    @Inject
    GetCookies cookies;

    public GetCredentials() {
        super("get_credentials", GetCookies.Params.class);
    }

    @Override
    public Credentials handle(GetCookies.Params params, ActionContext context) {
        Cookies forDomain = cookies.handle(params, context);
        return new Credentials(forDomain.cookies(), WebLogin.csrfToken(core.selfId()));
    }
}
