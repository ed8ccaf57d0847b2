package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.StrangerInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code get_stranger_info}: the public profile of anyone the sandbox knows. */
@ApplicationScoped
public class GetStrangerInfo extends SandboxAction<GetStrangerInfo.Params, StrangerInfo> {

    /** The user, and OneBot's cache hint (meaningless here). */
    public record Params(@Required long userId, boolean noCache) {
    }

    @Inject
    SandboxCore core;

    public GetStrangerInfo() {
        super("get_stranger_info", Params.class);
    }

    @Override
    public StrangerInfo handle(Params params, ActionContext context) {
        return core.world().person(params.userId())
                .map(p -> new StrangerInfo(p.userId(), p.nickname(), p.sex(), p.age()))
                .orElseThrow(() -> new ActionFailedException("user " + params.userId()
                        + " is unknown to the sandbox; known users: " + core.world().knownPeople()));
    }
}
