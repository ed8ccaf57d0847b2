package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code send_poke} (NapCat): pokes a group member when {@code group_id} is given, otherwise a friend. A {@code notify}/{@code poke} notice follows (see {@link Pokes}). */
@ApplicationScoped
public class SendPoke extends SandboxAction<SendPoke.Params, Void> {

    /** The user, and the group to poke them in (none for a friend poke). */
    public record Params(@Required long userId, Long groupId) {
    }

    @Inject
    SandboxCore core;

    public SendPoke() {
        super("send_poke", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        if (params.groupId() != null) {
            Pokes.group(core, params.groupId(), params.userId());
        } else {
            Pokes.friend(core, params.userId());
        }
        return null;
    }
}
