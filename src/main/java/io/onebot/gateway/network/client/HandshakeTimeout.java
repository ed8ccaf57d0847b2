package io.onebot.gateway.network.client;

import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the server's own WebSocket client give up a reverse handshake after the entry's
 * {@code handshakeTimeout}, the same moment the connector's watchdog gives up the attempt.
 *
 * <p>Why: the watchdog alone only stops waiting. The dial it gave up still holds its socket and
 * the thread blocked in {@code connectToServer} until the runtime's own limit ends it — 30 s on
 * Tyrus, 10 s on Undertow — and meanwhile the connector dials again, so a framework that accepts
 * TCP and never answers the upgrade piles up half-open sockets and blocked threads. The Jakarta
 * WebSocket API has no portable setting for this, so, like {@link UncheckedTls}, this class
 * knows the runtimes:
 * <ul>
 *   <li>Tyrus (Payara, GlassFish) reads it, in milliseconds, from the client container's
 *       properties, so the connector gets a container of its own carrying its entry's value; at
 *       the limit Tyrus closes the socket and frees the thread;</li>
 *   <li>Undertow (WildFly) reads a per-connection timeout, in whole seconds, from the endpoint
 *       configuration's user properties; at the limit it frees the thread, but the socket stays
 *       open, because XNIO's HTTP upgrade has no way to abort (and shuts only the reading side of
 *       an upgrade that fails), and the Jakarta API gives no handle on the socket;</li>
 *   <li>any other runtime keeps its own limit, and the watchdog still ends the attempt on time.</li>
 * </ul>
 * Reflection keeps the WAR free of compile-time ties to either runtime.
 */
final class HandshakeTimeout {

    static final String TYRUS_CLIENT_MANAGER = UncheckedTls.TYRUS_CLIENT_MANAGER;
    static final String TYRUS_PROPERTY = "org.glassfish.tyrus.client.ClientManager.ContainerTimeout";
    static final String UNDERTOW_CONTAINER = UncheckedTls.UNDERTOW_CONTAINER;
    static final String UNDERTOW_PROPERTY = "io.undertow.websocket.CONNECT_TIMEOUT";

    private static final Logger LOG = Logger.getLogger(HandshakeTimeout.class.getName());

    private HandshakeTimeout() {
    }

    /**
     * Sets the runtime's handshake limit for one entry's dials.
     *
     * @param through        the container the entry would dial through
     * @param shared         the container every entry shares, which must keep its own settings
     * @param fresh          makes a new container, for a runtime whose limit is per container
     * @param millis         the limit
     * @param userProperties receives what the dials' endpoint configuration must carry
     * @return the container to dial through: {@code through}, or a new one carrying the limit
     */
    static WebSocketContainer apply(WebSocketContainer through, WebSocketContainer shared,
                                    Supplier<WebSocketContainer> fresh, long millis,
                                    Map<String, Object> userProperties) {
        if (UncheckedTls.isA(through.getClass(), UNDERTOW_CONTAINER)) {
            userProperties.put(UNDERTOW_PROPERTY, (int) Math.max(1, (millis + 999) / 1000));
            return through;
        }
        if (UncheckedTls.isA(through.getClass(), TYRUS_CLIENT_MANAGER)) {
            WebSocketContainer own = through == shared ? fresh.get() : through;
            if (own != shared && UncheckedTls.isA(own.getClass(), TYRUS_CLIENT_MANAGER) && configureTyrus(own, millis)) {
                return own;
            }
        }
        return through;
    }

    private static boolean configureTyrus(WebSocketContainer container, long millis) {
        try {
            Method properties = container.getClass().getMethod("getProperties");
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) properties.invoke(container);
            map.put(TYRUS_PROPERTY, (int) Math.min(millis, Integer.MAX_VALUE));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not set the Tyrus client's handshake timeout", e);
            return false;
        }
    }
}
