package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code _mark_all_as_read} (NapCat): marks every chat read; the sandbox keeps no unread counts. */
@ApplicationScoped
public class MarkAllAsRead extends SandboxAction<NoParams, Void> {

    public MarkAllAsRead() {
        super("_mark_all_as_read", NoParams.class);
    }

    @Override
    public Void handle(NoParams params, ActionContext context) {
        return null;
    }
}
