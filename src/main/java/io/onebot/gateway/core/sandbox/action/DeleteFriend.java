package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code delete_friend} (go-cqhttp): ends a friendship. The person stays known (a stranger), and
 * QQ tells nobody, so no notice follows.
 */
@ApplicationScoped
public class DeleteFriend extends SandboxAction<DeleteFriend.Params, Void> {

    /** The friend. */
    public record Params(@Required long userId) {
    }

    @Inject
    SandboxCore core;

    public DeleteFriend() {
        super("delete_friend", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        core.world().removeFriend(params.userId()).orElseThrow(() -> new ActionFailedException("user "
                + params.userId() + " is not a friend of the sandbox account; friends: "
                + core.world().friends().stream().map(f -> f.person().userId()).toList()));
        return null;
    }
}
