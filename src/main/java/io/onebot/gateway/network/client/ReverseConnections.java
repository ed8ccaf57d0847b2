package io.onebot.gateway.network.client;

import io.onebot.gateway.config.ClientEntry;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.network.session.Connections;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * The reverse connectors of every enabled {@code websocketClients} entry. Started once by the
 * bootstrap; on undeploy every connection is closed with 1001 and every pending dial cancelled.
 */
@ApplicationScoped
public class ReverseConnections {

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    @Inject
    GatewaySettings settings;

    @Inject
    BotCore core;

    @Inject
    Connections connections;

    private static final Logger LOG = Logger.getLogger(ReverseConnections.class.getName());

    private final List<ReverseConnector> connectors = new ArrayList<>();

    /** Starts a connector for each enabled entry; calling it again does nothing. */
    public synchronized void start() {
        if (!connectors.isEmpty()) {
            return;
        }
        // Looked up here, on a thread of the application: a dial scheduled from a container I/O
        // thread runs without the application's class loader, where the lookup fails on WildFly.
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        for (ClientEntry entry : settings.clients()) {
            if (entry.enable() && !entry.verifyCertificate() && "wss".equals(entry.url().getScheme())) {
                LOG.warning(() -> "[" + entry.name() + "] verifyCertificate=false is not applied by this version:"
                        + " the certificate of " + entry.url() + " is checked against the server's trust store");
            }
            if (entry.enable()) {
                ReverseConnector connector = new ReverseConnector(entry, core.selfId(), scheduler, container, connections);
                connectors.add(connector);
                connector.start();
            }
        }
    }

    /** How many connectors run. */
    public synchronized int size() {
        return connectors.size();
    }

    @PreDestroy
    synchronized void stop() {
        connectors.forEach(ReverseConnector::stop);
        connectors.clear();
    }
}
