package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.Essence;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.event.MessageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code set_essence_msg}: marks a stored group message as essence. The bot must be an admin or
 * the owner; a message already marked fails. An {@code essence} notice ({@code add}) follows.
 */
@ApplicationScoped
public class SetEssenceMsg extends SandboxAction<SetEssenceMsg.Params, Void> {

    /** The message's id. */
    public record Params(@Required int messageId) {
    }

    @Inject
    SandboxCore core;

    public SetEssenceMsg() {
        super("set_essence_msg", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        MessageEvent message = core.message(params.messageId());
        if (!message.isGroup()) {
            throw new ActionFailedException("message " + params.messageId()
                    + " is a private message; only group messages can be essence messages");
        }
        Essence essence = core.world().atomically(() -> {
            EssenceRules.requireAdmin(core, message.groupId(), "set essence messages");
            Essence marked = new Essence(message.groupId(), message.messageId(), message.userId(),
                    message.sender().nickname(), message.time(), core.selfId(), core.nickname(), core.now(),
                    message.message());
            if (!core.markEssence(marked)) {
                throw new ActionFailedException("message " + params.messageId() + " already is an essence message of group "
                        + message.groupId());
            }
            return marked;
        });
        EssenceRules.notice(core, "add", essence);
        return null;
    }
}
