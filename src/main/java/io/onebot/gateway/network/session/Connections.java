package io.onebot.gateway.network.session;

import io.onebot.gateway.action.ActionDispatcher;
import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.event.EventFanout;
import io.onebot.gateway.event.HeartbeatService;
import io.onebot.gateway.protocol.event.LifecycleEvent;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Clock;

/**
 * Turns an admitted WebSocket session into a served {@link Connection}, whichever side opened it:
 * an event connection gets the lifecycle {@code connect} event as its first frame and is then
 * registered for events and heartbeats; every connection has its requests answered.
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

    /**
     * Starts serving a session.
     *
     * @param events              whether the connection receives lifecycle, events and heartbeats
     * @param heartIntervalMillis the heartbeat period; zero or less for none
     */
    public Connection attach(Session session, ConnectionOptions options, boolean events, long heartIntervalMillis) {
        Connection connection = new Connection(session, options, dispatcher, this::detach);
        if (events) {
            connection.send(EventEncoder.encode(LifecycleEvent.connect(clock.instant().getEpochSecond(), core.selfId()),
                    MessageFormat.ARRAY));
            fanout.register(connection);
            heartbeats.register(connection, heartIntervalMillis);
        }
        return connection;
    }

    /** Stops delivering anything to a connection that closed or failed. */
    public void detach(Connection connection) {
        fanout.unregister(connection);
        heartbeats.unregister(connection);
    }
}
