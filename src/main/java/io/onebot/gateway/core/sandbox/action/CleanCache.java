package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code clean_cache}: a real implementation deletes downloaded images and records. The sandbox
 * downloads nothing, so its cache is always clean; the message store is not a cache (it backs
 * {@code get_msg}) and is left alone.
 */
@ApplicationScoped
public class CleanCache extends SandboxAction<NoParams, Void> {

    public CleanCache() {
        super("clean_cache", NoParams.class);
    }

    @Override
    public Void handle(NoParams params, ActionContext context) {
        return null;
    }
}
