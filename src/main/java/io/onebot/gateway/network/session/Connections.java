package io.onebot.gateway.network.session;

import io.onebot.gateway.action.ActionDispatcher;
import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.event.EventFanout;
import io.onebot.gateway.event.HeartbeatService;
import io.onebot.gateway.protocol.event.LifecycleEvent;
import io.onebot.gateway.protocol.message.MessageFormat;
import io.onebot.gateway.config.ClientEntry;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.ServerEntry;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsChange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Turns an admitted WebSocket session into a served {@link Connection}, whichever side opened it:
 * an event connection gets the lifecycle {@code connect} event as its first frame and is then
 * registered for events and heartbeats; every connection has its requests answered. Keeps the
 * open connections by entry, so that changed settings reach them.
 */
@ApplicationScoped
public class Connections {

    @Inject
    ActionDispatcher dispatcher;

    @Inject
    EventFanout fanout;

    @Inject
    HeartbeatService heartbeats;

    @Inject
    BotCore core;

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(Connections.class.getName());
    private static final CloseReason STOPPING = new CloseReason(CloseReason.CloseCodes.GOING_AWAY,
            "gateway stopping");
    private static final CloseReason ENTRY_GONE = new CloseReason(CloseReason.CloseCodes.GOING_AWAY,
            "connection entry disabled");

    private final Map<String, Set<Connection>> byEntry = new ConcurrentHashMap<>();
    private final Map<Session, Connection> bySession = new ConcurrentHashMap<>();

    @Inject
    Settings settings;

    /**
     * Starts serving a session.
     *
     * @param events              whether the connection receives lifecycle, events and heartbeats
     * @param heartIntervalMillis the heartbeat period; zero or less for none
     */
    public Connection attach(Session session, ConnectionOptions options, boolean events, long heartIntervalMillis) {
        // No idle timeout, as in NapCat: heartbeats keep a connection busy when its entry wants them.
        IdleTimer.disable(session);
        session.setMaxIdleTimeout(-1);
        Connection connection = new Connection(session, options, dispatcher, this::detach);
        bySession.put(session, connection);
        byEntry.computeIfAbsent(options.entryName(), name -> ConcurrentHashMap.newKeySet()).add(connection);
        if (events) {
            connection.send(EventEncoder.encode(LifecycleEvent.connect(clock.instant().getEpochSecond(), core.selfId()),
                    MessageFormat.ARRAY));
            fanout.register(connection);
            heartbeats.register(connection, heartIntervalMillis);
        }
        // The session may have closed, or the settings changed, while it was being registered.
        if (connection.isClosed()) {
            detach(connection);
        } else {
            ConnectionOptions now = enabledOptions(settings.current()).get(options.entryName());
            if (now == null) {
                connection.close(ENTRY_GONE);
            } else {
                connection.update(now);
            }
        }
        return connection;
    }

    /** Stops serving the connection of a session that closed, if it has one. */
    public void detach(Session session) {
        Connection connection = bySession.get(session);
        if (connection != null) {
            detach(connection);
        }
    }

    /** Stops delivering anything to a connection that closed or failed. */
    public void detach(Connection connection) {
        bySession.remove(connection.session());
        Set<Connection> ofEntry = byEntry.get(connection.entryName());
        if (ofEntry != null) {
            ofEntry.remove(connection);
        }
        fanout.unregister(connection);
        heartbeats.unregister(connection);
    }

    /**
     * Closes every open connection with 1001 when the application stops: an undeploy leaves the
     * container's sockets open otherwise, talking to a gateway that is gone.
     */
    @PreDestroy
    void closeAll() {
        if (!bySession.isEmpty()) {
            LOG.info(() -> "Gateway stopping: closing " + bySession.size() + " connection(s)");
        }
        bySession.values().forEach(connection -> connection.close(STOPPING));
    }

    /**
     * Applies changed settings to open connections, as NapCat does: format, self-message and debug
     * options from the next frame or event on, a changed heartbeat interval restarts the entry's
     * timer, and the connections of an entry that is disabled or gone are closed with 1001.
     */
    void changed(@Observes SettingsChange change) {
        Map<String, ConnectionOptions> options = enabledOptions(change.current());
        Map<String, Long> heartIntervals = new HashMap<>();
        change.current().servers().forEach(entry -> heartIntervals.put(entry.name(), entry.heartIntervalMillis()));
        change.current().clients().forEach(entry -> heartIntervals.put(entry.name(), entry.heartIntervalMillis()));
        byEntry.forEach((entry, connections) -> {
            ConnectionOptions changed = options.get(entry);
            if (changed == null) {
                if (!connections.isEmpty()) {
                    LOG.info(() -> "[" + entry + "] Entry disabled or removed: closing its " + connections.size()
                            + " connection(s)");
                }
                connections.forEach(connection -> connection.close(ENTRY_GONE));
            } else {
                connections.forEach(connection -> connection.update(changed));
                heartbeats.reschedule(entry, heartIntervals.get(entry));
            }
        });
    }

    /** The connection options of every enabled entry, by name. */
    private static Map<String, ConnectionOptions> enabledOptions(GatewaySettings settings) {
        Map<String, ConnectionOptions> options = new HashMap<>();
        for (ServerEntry entry : settings.servers()) {
            if (entry.enable()) {
                options.put(entry.name(), ConnectionOptions.of(entry));
            }
        }
        for (ClientEntry entry : settings.clients()) {
            if (entry.enable()) {
                options.put(entry.name(), ConnectionOptions.of(entry));
            }
        }
        return options;
    }
}
