package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code get_guild_service_profile}: Koishi calls it at start-up to look for a QQ-guild identity.
 * The sandbox has none, so it answers at once with no data, as NapCat does.
 */
@ApplicationScoped
public class GetGuildServiceProfile extends SandboxAction<NoParams, Object> {

    public GetGuildServiceProfile() {
        super("get_guild_service_profile", NoParams.class);
    }

    @Override
    public Object handle(NoParams params, ActionContext context) {
        return null;
    }
}
