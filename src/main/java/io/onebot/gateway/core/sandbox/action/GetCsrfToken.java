package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.CsrfToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code get_csrf_token}: the token that goes with the account's cookies. */
@ApplicationScoped
public class GetCsrfToken extends SandboxAction<NoParams, CsrfToken> {

    @Inject
    SandboxCore core;

    public GetCsrfToken() {
        super("get_csrf_token", NoParams.class);
    }

    @Override
    public CsrfToken handle(NoParams params, ActionContext context) {
        return new CsrfToken(WebLogin.csrfToken(core.selfId()));
    }
}
