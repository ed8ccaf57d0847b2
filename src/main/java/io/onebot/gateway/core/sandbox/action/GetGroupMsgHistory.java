package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Alias;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * {@code get_group_msg_history}: the latest messages of a group, or those up to a given one. Answers {@code {messages:[...]}} as described in {@link History}; recalled and forgotten
 * messages are not there, and an anchor that is not a stored message of this chat fails.
 */
@ApplicationScoped
public class GetGroupMsgHistory extends SandboxAction<GetGroupMsgHistory.Params, JsonObject> {

    /** The group, the newest message wanted (a message id), how many, and whether newest first. */
    public record Params(@Required long groupId, Integer messageSeq, Integer count,
                         @Alias("reverseOrder") Boolean reverseOrder) {
    }

    @Inject
    SandboxCore core;

    public GetGroupMsgHistory() {
        super("get_group_msg_history", Params.class);
    }

    @Override
    public JsonObject handle(Params params, ActionContext context) {
        int count = History.count(params.count());
        return History.answer(core.groupHistory(params.groupId(), History.anchor(params.messageSeq()), count),
                params.reverseOrder(), context.messageFormat());
    }
}
