package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code mark_private_msg_as_read} (NapCat): marks the private chat with a person read, named by {@code user_id} or by one of its messages. What is named must exist; the answer is null. */
@ApplicationScoped
public class MarkPrivateMsgAsRead extends SandboxAction<MarkPrivateMsgAsRead.Params, Void> {

    /** The person, or a message of the chat. */
    public record Params(Long userId, Integer messageId) {
    }

    @Inject
    SandboxCore core;

    public MarkPrivateMsgAsRead() {
        super("mark_private_msg_as_read", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        if (params.userId() == null && params.messageId() == null) {
            throw new InvalidParamsException("user_id", "is required (or message_id)");
        }
        if (params.userId() != null) {
            ReadMarks.user(core, params.userId());
        }
        if (params.messageId() != null) {
            ReadMarks.message(core, params.messageId(), false);
        }
        return null;
    }
}
