package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code group_poke} (NapCat): pokes a member of a group the bot is in. A {@code notify}/{@code poke} notice follows (see {@link Pokes}). */
@ApplicationScoped
public class GroupPoke extends SandboxAction<GroupPoke.Params, Void> {

    /** The group and the member. */
    public record Params(@Required long groupId, @Required long userId) {
    }

    @Inject
    SandboxCore core;

    public GroupPoke() {
        super("group_poke", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        Pokes.group(core, params.groupId(), params.userId());
        return null;
    }
}
