package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code send_like}: gives a known user's profile {@code times} likes. QQ allows an ordinary
 * account ten likes per user per day; the sandbox counts them per day (UTC) and refuses more.
 * Nobody is notified: QQ tells only the liked user.
 */
@ApplicationScoped
public class SendLike extends SandboxAction<SendLike.Params, Void> {

    /** Likes per user per day. */
    static final int DAILY_LIMIT = 10;

    /** The user and how many likes (default 1). */
    public record Params(@Required long userId, Integer times) {
    }

    @Inject
    SandboxCore core;

    public SendLike() {
        super("send_like", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        int times = params.times() == null ? 1 : params.times();
        if (times < 1 || times > DAILY_LIMIT) {
            throw new InvalidParamsException("times", "must be from 1 to " + DAILY_LIMIT + ", not " + times);
        }
        if (params.userId() == core.selfId()) {
            throw new ActionFailedException("the bot cannot like its own profile");
        }
        if (core.world().person(params.userId()).isEmpty()) {
            throw new ActionFailedException("user " + params.userId() + " is unknown to the sandbox; known users: "
                    + core.world().knownPeople());
        }
        if (core.world().like(params.userId(), core.now() / 86_400, times, DAILY_LIMIT) < 0) {
            throw new ActionFailedException("user " + params.userId() + " cannot get " + times
                    + " more likes today; the limit is " + DAILY_LIMIT + " a day");
        }
        return null;
    }
}
