package io.onebot.gateway.bootstrap;

import io.onebot.gateway.action.ActionRegistry;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.ServerEntry;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.network.client.ReverseConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
        reverse.start();
        watcher.start();
        LOG.info(() -> "OneBot gateway started for account " + core.selfId() + " (" + core.nickname() + ")");
    }
}
