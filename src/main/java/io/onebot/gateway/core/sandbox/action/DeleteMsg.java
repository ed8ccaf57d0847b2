package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code delete_msg}: recalls a message; a recall notice follows. The bot's own messages can
 * always be recalled; someone else's only in a group where the bot's role is above the sender's.
 */
@ApplicationScoped
public class DeleteMsg extends SandboxAction<DeleteMsg.Params, Void> {

    /** The message's id. */
    public record Params(@Required int messageId) {
    }

    @Inject
    SandboxCore core;

    public DeleteMsg() {
        super("delete_msg", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        Moderation.recall(core, params.messageId());
        return null;
    }
}
