package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code mark_group_msg_as_read} (NapCat): marks a group chat read, named by {@code group_id} or by one of its messages. What is named must exist; the answer is null. */
@ApplicationScoped
public class MarkGroupMsgAsRead extends SandboxAction<MarkGroupMsgAsRead.Params, Void> {

    /** The group, or a message of it. */
    public record Params(Long groupId, Integer messageId) {
    }

    @Inject
    SandboxCore core;

    public MarkGroupMsgAsRead() {
        super("mark_group_msg_as_read", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        if (params.groupId() == null && params.messageId() == null) {
            throw new InvalidParamsException("group_id", "is required (or message_id)");
        }
        if (params.groupId() != null) {
            ReadMarks.group(core, params.groupId());
        }
        if (params.messageId() != null) {
            ReadMarks.message(core, params.messageId(), true);
        }
        return null;
    }
}
