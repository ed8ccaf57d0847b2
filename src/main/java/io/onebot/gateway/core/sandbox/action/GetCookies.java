package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.Cookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code get_cookies}: the account's cookies for a domain such as {@code qun.qq.com}. */
@ApplicationScoped
public class GetCookies extends SandboxAction<GetCookies.Params, Cookies> {

    /** The domain the cookies are for. */
    public record Params(String domain) {
    }

    @Inject
    SandboxCore core;

    public GetCookies() {
        super("get_cookies", Params.class);
    }

    @Override
    public Cookies handle(Params params, ActionContext context) {
        String domain = params.domain() == null ? "" : params.domain();
        if (!domain.isEmpty() && !domain.matches("[A-Za-z0-9.-]+")) {
            throw new InvalidParamsException("domain", "must be a host name such as qun.qq.com, not '" + domain + "'");
        }
        return new Cookies(WebLogin.cookies(core.selfId(), domain));
    }
}
