package io.onebot.gateway.network.client;

import io.onebot.gateway.config.ClientEntry;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsChange;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.network.session.Connections;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * The reverse connectors of every enabled {@code websocketClients} entry. Started once by the
 * bootstrap and kept in step with changed settings; on undeploy every connection is closed with
 * 1001 and every pending dial cancelled.
 */
@ApplicationScoped
public class ReverseConnections {

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService dialer;

    @Inject
    Settings settings;

    @Inject
    BotCore core;

    @Inject
    Connections connections;

    private static final Logger LOG = Logger.getLogger(ReverseConnections.class.getName());

    private final Map<String, ReverseConnector> connectors = new HashMap<>();
    private boolean started;
    private boolean stopped;
    private WebSocketContainer container;

    /** Starts a connector for each enabled entry; calling it again, or after stopping, does nothing. */
    public synchronized void start() {
        if (started || stopped) {
            return;
        }
        started = true;
        // Looked up here, on a thread of the application: a dial scheduled from a container I/O
        // thread runs without the application's class loader, where the lookup fails on WildFly.
        container = ContainerProvider.getWebSocketContainer();
        settings.current().clients().forEach(this::startConnector);
    }

    /**
     * Applies changed reverse entries: a new or enabled entry starts dialling, a removed or
     * disabled one closes with 1001, and a changed one reconnects with its new settings. A change
     * that arrives while the application stops (the settings watcher may be running) starts nothing.
     */
    void changed(@Observes SettingsChange change) {
        List<ReverseConnector> retired = new ArrayList<>();
        synchronized (this) {
            if (!started || stopped) {
                return;
            }
            Map<String, ClientEntry> next = new HashMap<>();
            change.current().clients().forEach(entry -> next.put(entry.name(), entry));
            for (ClientEntry entry : change.previous().clients()) {
                ClientEntry now = next.get(entry.name());
                ReverseConnector connector = entry.equals(now) ? null : connectors.remove(entry.name());
                if (connector != null) {
                    LOG.info(() -> "[" + entry.name() + "] Reverse entry changed: "
                            + (now == null || !now.enable() ? "closing it" : "reconnecting with the new settings"));
                    retired.add(connector);
                }
            }
            for (ClientEntry entry : change.current().clients()) {
                if (!connectors.containsKey(entry.name())) {
                    startConnector(entry);
                }
            }
        }
        // Closing calls into the WebSocket runtime: not while holding this bean's monitor.
        retired.forEach(ReverseConnector::stop);
    }

    private void startConnector(ClientEntry entry) {
        if (!entry.enable()) {
            return;
        }
        WebSocketContainer through = container;
        Map<String, Object> userProperties = new HashMap<>();
        if (!entry.verifyCertificate() && "wss".equals(entry.url().getScheme())) {
            Optional<WebSocketContainer> own = UncheckedTls.apply(container, ContainerProvider::getWebSocketContainer,
                    userProperties);
            if (own.isPresent()) {
                through = own.get();
                LOG.warning(() -> "[" + entry.name() + "] verifyCertificate=false: the certificate of "
                        + entry.displayUrl() + " is not checked; anyone in between can read the connection");
            } else {
                LOG.warning(() -> "[" + entry.name() + "] verifyCertificate=false cannot be applied on this server's"
                        + " WebSocket runtime (" + container.getClass().getName() + "): the certificate of "
                        + entry.displayUrl()
                        + " is checked against the server's trust store");
            }
        }
        through = HandshakeTimeout.apply(through, container, ContainerProvider::getWebSocketContainer,
                entry.handshakeTimeoutMillis(), userProperties);
        ReverseConnector connector = new ReverseConnector(entry, core.selfId(), scheduler, dialer, through,
                Map.copyOf(userProperties), connections);
        connectors.put(entry.name(), connector);
        connector.start();
    }

    /** How many connectors run. */
    public synchronized int size() {
        return connectors.size();
    }

    /** How many dials the named entry's connector has started (0 for an unknown entry). */
    public synchronized long attempts(String entryName) {
        ReverseConnector connector = connectors.get(entryName);
        return connector == null ? 0 : connector.attempts();
    }

    /** Whether the named entry's connection is open and served now (false for an unknown entry). */
    public synchronized boolean isConnected(String entryName) {
        ReverseConnector connector = connectors.get(entryName);
        return connector != null && connector.isConnected();
    }

    @PreDestroy
    void stop() {
        List<ReverseConnector> all;
        synchronized (this) {
            stopped = true;
            all = new ArrayList<>(connectors.values());
            connectors.clear();
        }
        all.forEach(ReverseConnector::stop);
    }
}
