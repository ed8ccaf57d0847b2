package io.onebot.gateway.bootstrap;

import io.onebot.gateway.action.ActionRegistry;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.ServerEntry;
import io.onebot.gateway.core.AccountIdentified;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.network.client.ReverseConnections;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

/**
 * Runs when the application starts: reads and validates the configuration (a bad value fails the
 * deployment here, with the message naming it), builds the action registry, warns about an entry
 * open to every interface without a token, starts the reverse connections, and starts watching
 * for settings changed at runtime.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    GatewaySettings settings;

    @Inject
    ActionRegistry actions;

    @Inject
    BotCore core;

    @Inject
    ReverseConnections reverse;

    @Inject
    SettingsWatcher watcher;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    void start(@Observes @Initialized(ApplicationScoped.class) Object context) {
        actions.names(); // builds the registry now, so that a duplicate action name fails the deployment
        for (ServerEntry entry : settings.servers()) {
            if (entry.enable() && entry.servesAllInterfaces() && !entry.requiresToken()) {
                LOG.warning(() -> "[" + entry.name() + "] host=" + entry.host()
                        + " serves every network interface and no token is set: anyone who can reach this"
                        + " server can control the account. Set onebot.network.websocketServers." + entry.name()
                        + ".token.");
            }
            if (!entry.enable()) {
                LOG.warning(() -> "[" + entry.name() + "] enable=false: WebSocket connections will be refused");
            }
        }
        if (settings.servers().isEmpty()) {
            LOG.warning("No onebot.network.websocketServers entry is configured: WebSocket connections will be refused");
        }
        if (core.selfId() > 0) {
            reverse.start();
            LOG.info(() -> "OneBot gateway started for account " + core.selfId() + " (" + core.nickname() + ")");
        } else {
            LOG.info(() -> "OneBot gateway started (" + settings.core().name().toLowerCase(Locale.ROOT)
                    + " core); reverse connections start once the account is known, as they announce it");
        }
        watcher.start();
    }

    /** Starts the reverse connections once a core that did not know its account at startup learns it. */
    void identified(@Observes AccountIdentified account) {
        // Told on the core's I/O thread, which may lack the application's context: start from one that has it.
        if (executor != null) {
            executor.execute(reverse::start);
        } else {
            reverse.start();
        }
    }
}
