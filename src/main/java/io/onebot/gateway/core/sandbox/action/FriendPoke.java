package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code friend_poke} (NapCat): pokes a friend in their private chat. A {@code notify}/{@code poke} notice follows (see {@link Pokes}). */
@ApplicationScoped
public class FriendPoke extends SandboxAction<FriendPoke.Params, Void> {

    /** The friend. */
    public record Params(@Required long userId) {
    }

    @Inject
    SandboxCore core;

    public FriendPoke() {
        super("friend_poke", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        Pokes.friend(core, params.userId());
        return null;
    }
}
