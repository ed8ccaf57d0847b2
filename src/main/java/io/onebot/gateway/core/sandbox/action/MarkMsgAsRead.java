package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code mark_msg_as_read}: marks a chat read, named by a message in it ({@code message_id}, as
 * go-cqhttp has it) or, as NapCat also accepts, by {@code group_id} or {@code user_id}. Whatever
 * is given must exist; the answer is null.
 */
@ApplicationScoped
public class MarkMsgAsRead extends SandboxAction<MarkMsgAsRead.Params, Void> {

    /** A message of the chat, or the group, or the person. */
    public record Params(Integer messageId, Long groupId, Long userId) {
    }

    @Inject
    SandboxCore core;

    public MarkMsgAsRead() {
        super("mark_msg_as_read", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        if (params.messageId() == null && params.groupId() == null && params.userId() == null) {
            throw new InvalidParamsException("message_id", "is required unless group_id or user_id is given");
        }
        if (params.messageId() != null) {
            ReadMarks.message(core, params.messageId(), null);
        }
        if (params.groupId() != null) {
            ReadMarks.group(core, params.groupId());
        }
        if (params.userId() != null) {
            ReadMarks.user(core, params.userId());
        }
        return null;
    }
}
