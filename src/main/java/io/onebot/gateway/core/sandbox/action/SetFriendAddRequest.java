package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.FriendRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

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
        boolean approve = params.approve() == null || params.approve();
        FriendRequest request = core.world().atomically(() -> {
            FriendRequest pending = core.world().takeFriendRequest(params.flag()).orElseThrow(() ->
                    new ActionFailedException("no pending friend request has flag '" + params.flag() + "'; pending: "
                            + core.world().friendRequests().stream().map(FriendRequest::flag).toList()));
            if (approve) {
                core.world().putFriend(pending.user(), params.remark() == null ? "" : params.remark());
            }
            return pending;
        });
        if (approve) {
            core.notice("friend_add", Json.createObjectBuilder().add("user_id", request.user().userId()));
        }
        return null;
    }
}
