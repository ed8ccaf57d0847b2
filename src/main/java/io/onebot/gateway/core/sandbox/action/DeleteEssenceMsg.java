package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.Essence;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code delete_essence_msg}: unmarks an essence message (which may since have been forgotten by
 * the message store). The bot must be an admin or the owner; an {@code essence} notice
 * ({@code delete}) follows.
 */
@ApplicationScoped
public class DeleteEssenceMsg extends SandboxAction<DeleteEssenceMsg.Params, Void> {

    /** The message's id. */
    public record Params(@Required int messageId) {
    }

    @Inject
    SandboxCore core;

    public DeleteEssenceMsg() {
        super("delete_essence_msg", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        Essence essence = core.world().atomically(() -> {
            Essence marked = core.essence(params.messageId()).orElseThrow(() -> new ActionFailedException(
                    "message " + params.messageId() + " is not an essence message"));
            EssenceRules.requireAdmin(core, marked.groupId(), "remove essence messages");
            core.unmarkEssence(marked.messageId());
            return marked;
        });
        EssenceRules.notice(core, "delete", essence);
        return null;
    }
}
