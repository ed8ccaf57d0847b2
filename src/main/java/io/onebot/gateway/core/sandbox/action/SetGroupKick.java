package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code set_group_kick}: removes a member below the bot's role; a {@code group_decrease} notice
 * with {@code sub_type} {@code kick} follows. {@code reject_add_request} is accepted; the sandbox
 * has no later join request for it to refuse.
 */
@ApplicationScoped
public class SetGroupKick extends SandboxAction<SetGroupKick.Params, Void> {

    /** The group, the member, and whether to refuse their future join requests. */
    public record Params(@Required long groupId, @Required long userId, boolean rejectAddRequest) {
    }

    @Inject
    SandboxCore core;

    public SetGroupKick() {
        super("set_group_kick", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        Moderation.kick(core, params.groupId(), params.userId());
        return null;
    }
}
