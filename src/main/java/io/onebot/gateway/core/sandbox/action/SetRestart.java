package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.sandbox.SandboxAction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code set_restart}: a real implementation restarts its QQ client. The sandbox has no client
 * process, so there is nothing to restart: the account, its world and its connections stay as
 * they are, just as they would after a real restart.
 */
@ApplicationScoped
public class SetRestart extends SandboxAction<SetRestart.Params, Void> {

    /** Milliseconds to wait before restarting (default 0). */
    public record Params(Integer delay) {
    }

    public SetRestart() {
        super("set_restart", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        if (params.delay() != null && params.delay() < 0) {
            throw new InvalidParamsException("delay", "must be 0 or more milliseconds, not " + params.delay());
        }
        return null;
    }
}
