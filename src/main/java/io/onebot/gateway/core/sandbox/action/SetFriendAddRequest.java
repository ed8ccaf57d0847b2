package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code set_friend_add_request}: answers a pending friend request by the {@code flag} of its
 * request event. Approving makes the requester a friend under {@code remark} and emits
 * {@code friend_add}; rejecting just removes the request. Either way the flag is used up.
 */
@ApplicationScoped
public class SetFriendAddRequest extends SandboxAction<SetFriendAddRequest.Params, Void> {

    /** The request's flag, whether to approve (default true) and the new friend's remark. */
    public record Params(@Required String flag, Boolean approve, String remark) {
    }

    @Inject
    SandboxCore core;

    public SetFriendAddRequest() {
        super("set_friend_add_request", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        RequestAnswers.friend(core, params.flag(), params.approve() == null || params.approve(), params.remark());
        return null;
    }
}
