package io.onebot.gateway.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionHandler;
import io.onebot.gateway.core.BotCore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The active core's actions by wire name, built once at startup. Two actions with one name fail
 * the deployment. NapCat's suffixes {@code _async} and {@code _rate_limited} are resolved here by
 * stripping them, so every action answers under all three names.
 */
@ApplicationScoped
public class ActionRegistry {

    private static final Logger LOG = Logger.getLogger(ActionRegistry.class.getName());
    private static final String[] ALIAS_SUFFIXES = {"_async", "_rate_limited"};

    private final Map<String, BoundAction<?, ?>> actions = new HashMap<>();

    @Inject
    BotCore core;

    /** For CDI. */
    protected ActionRegistry() {
    }

    /** A registry over the given core's actions, outside CDI. */
    public ActionRegistry(BotCore core) {
        this.core = core;
        build();
    }

    @PostConstruct
    void build() {
        for (ActionHandler<?, ?> handler : core.actions()) {
            BoundAction<?, ?> previous = actions.put(handler.name(), BoundAction.of(handler));
            if (previous != null) {
                throw new IllegalStateException("two actions are named '" + handler.name() + "': "
                        + previous.handlerClass().getName() + " and " + handler.getClass().getName());
            }
        }
        LOG.info(() -> "OneBot actions available: " + names());
    }

    /** The action answering to {@code name}, suffixes included. */
    public Optional<BoundAction<?, ?>> find(String name) {
        BoundAction<?, ?> action = actions.get(name);
        if (action == null) {
            for (String suffix : ALIAS_SUFFIXES) {
                if (name.endsWith(suffix)) {
                    action = actions.get(name.substring(0, name.length() - suffix.length()));
                    break;
                }
            }
        }
        return Optional.ofNullable(action);
    }

    /** The base names of every registered action, sorted. */
    public Set<String> names() {
        return new TreeSet<>(actions.keySet());
    }

    /** A handler together with the binder of its parameter record. */
    public record BoundAction<P extends Record, R>(ActionHandler<P, R> handler, ParamsBinder<P> binder) {

        static <P extends Record, R> BoundAction<P, R> of(ActionHandler<P, R> handler) {
            return new BoundAction<>(handler, ParamsBinder.of(handler.paramsType()));
        }

        /** Binds the parameters and runs the handler. */
        public R run(JsonObject params, ActionContext context) {
            return handler.handle(binder.bind(params), context);
        }

        Class<?> handlerClass() {
            return handler.getClass();
        }
    }
}
