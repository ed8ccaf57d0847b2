package io.onebot.gateway.network.server;

import io.onebot.gateway.codec.ResponseEncoder;
import io.onebot.gateway.config.AuthFailureMode;
import io.onebot.gateway.config.ServerEntry;
import io.onebot.gateway.core.Deadlines;
import io.onebot.gateway.network.auth.Admission;
import io.onebot.gateway.network.auth.HandshakeConfigurator;
import io.onebot.gateway.network.auth.HandshakePolicy;
import io.onebot.gateway.network.auth.Route;
import io.onebot.gateway.network.auth.Target;
import io.onebot.gateway.network.session.Connection;
import io.onebot.gateway.network.session.ConnectionOptions;
import io.onebot.gateway.network.session.Connections;
import io.onebot.gateway.network.session.RemoteAddress;
import io.onebot.gateway.protocol.action.ActionResponse;
import io.onebot.gateway.protocol.action.RetCode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Admits, serves and forgets forward connections.
 *
 * <p>On open, the handshake's {@link Admission} decides: a refused connection gets nothing but the
 * refusal (with {@code authFailure=frame}, NapCat's single 1403 frame, then close 1008) and its
 * frames are ignored. An admitted connection then takes a place of its entry's
 * {@code maxConnections}; when there is none (handshakes that raced past the servlet filter's
 * check), it is closed with 1013 and nothing else. Otherwise it is handed to {@link Connections}:
 * universal ones get lifecycle, events and heartbeats, and every one has its requests answered.
 * The {@link Connection} and the entry whose place it holds live in the session's user properties;
 * the place is given back when the session closes.
 */
@ApplicationScoped
public class ForwardConnections {

    private static final Logger LOG = Logger.getLogger(ForwardConnections.class.getName());
    private static final String CONNECTION = Connection.class.getName();
    private static final String PLACE_OF = ForwardConnections.class.getName() + ".placeOf";
    /** How long a refusal waits: enough for the container to finish the upgrade it is in. */
    private static final Duration REFUSAL_DELAY = Duration.ofMillis(20);
    private static final CloseReason TOO_MANY = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
            HandshakePolicy.TOO_MANY_CONNECTIONS);

    @Inject
    HandshakePolicy policy;

    @Inject
    Connections connections;

    @Inject
    ResponseEncoder responses;

    @Inject
    Deadlines deadlines;

    /** Refused sessions whose refusal waits for the timer, with that refusal. */
    private final Map<Session, Runnable> waiting = new ConcurrentHashMap<>();

    void open(Session session, EndpointConfig config) {
        Object admission = config.getUserProperties().get(HandshakeConfigurator.ADMISSION);
        Target target = (Target) config.getUserProperties().get(HandshakeConfigurator.TARGET);
        if (admission != Admission.ACCEPTED || target == null) {
            refuseLater(session, admission instanceof Admission a ? a : Admission.NO_ENTRY, target);
            return;
        }
        if (!policy.occupy(target)) {
            refuseLater(session, Admission.TOO_MANY_CONNECTIONS, target);
            return;
        }
        ServerEntry entry = target.entry();
        // Recorded before anything is served: a close during attach already gives the place back.
        session.getUserProperties().put(PLACE_OF, entry.name());
        session.getUserProperties().put(CONNECTION, connections.attach(session, ConnectionOptions.of(entry),
                target.route() == Route.UNIVERSAL, entry.heartIntervalMillis()));
    }

    /**
     * Refuses an upgraded connection once {@code @OnOpen} has returned, on the timer's thread.
     * {@code @OnOpen} runs inside the servlet container's completion of the upgrade; a close made
     * from there (or from a send completing there) makes Payara recycle the request while it is
     * still finishing it, and a storm of refusals then broke other upgrades: a 200 or 400 instead
     * of a 101, or the refusal before the 101. Measured with refused clients 100 at a time: 7
     * broken exchanges in 12 000 when refusing inside {@code @OnOpen}, 7 in 102 000 from the timer.
     * The refused connection's frames are ignored meanwhile. A refusal still waiting when the
     * application stops is made then ({@link #stop}).
     */
    private void refuseLater(Session session, Admission admission, Target target) {
        waiting.put(session, () -> refuse(session, admission, target));
        deadlines.later(REFUSAL_DELAY, () -> refuseNow(session));
    }

    /** Makes the session's waiting refusal, unless it has been made or the session is gone. */
    private void refuseNow(Session session) {
        Runnable refusal = waiting.remove(session);
        if (refusal != null) {
            refusal.run();
        }
    }

    /** Makes every refusal still waiting: undeploy closes refused connections too. */
    @PreDestroy
    void stop() {
        List.copyOf(waiting.keySet()).forEach(this::refuseNow);
    }

    /**
     * Sends the refusal frame, where the entry wants one, and closes when it has been written. It
     * runs on the timer's thread: whatever goes wrong, the connection is closed and the failure
     * logged, never left open and silent.
     */
    private void refuse(Session session, Admission admission, Target target) {
        ServerEntry entry = target == null ? null : target.entry();
        CloseReason reason = admission == Admission.TOO_MANY_CONNECTIONS ? TOO_MANY
                : new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                        admission.isTokenRefusal() ? HandshakePolicy.TOKEN_REFUSED : "connection refused");
        try {
            policy.logRefusal(admission, target, RemoteAddress.of(session), session.getRequestURI().getPath());
            if (admission.isTokenRefusal() && entry != null && entry.authFailure() == AuthFailureMode.FRAME) {
                session.getAsyncRemote().sendText(responses.encode(
                        ActionResponse.failed(RetCode.FORBIDDEN, HandshakePolicy.TOKEN_REFUSED, JsonValue.NULL)),
                        sent -> close(session, reason));
            } else {
                close(session, reason);
            }
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "A refused client went away first", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send a refusal; closing the connection", e);
            close(session, reason);
        }
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "A refused client went away first", e);
        }
    }

    void text(Session session, String frame) {
        Connection connection = connection(session);
        if (connection != null) {
            connection.receive(frame);
        }
    }

    void binary(Session session, ByteBuffer frame) {
        Connection connection = connection(session);
        if (connection != null) {
            connection.receive(frame);
        }
    }

    void closed(Session session) {
        waiting.remove(session);
        if (session.getUserProperties().remove(PLACE_OF) instanceof String entry) {
            policy.vacate(entry);
        }
        connections.detach(session);
    }

    void failed(Session session, Throwable failure) {
        LOG.log(Level.FINE, failure, () -> "WebSocket error on " + session.getRequestURI().getPath());
    }

    private static Connection connection(Session session) {
        return (Connection) session.getUserProperties().get(CONNECTION);
    }
}
