package io.onebot.gateway.network.session;

import jakarta.websocket.Session;
import java.lang.reflect.Method;

/**
 * The client's address of a WebSocket session, for log lines. The WebSocket API does not expose
 * it; Tyrus sessions (Payara) have a public {@code getRemoteAddr()}, which is used when present.
 * Elsewhere the answer is {@code "unknown"}: the servlet filter logs refusals with the real address
 * before the upgrade on every servlet container.
 */
public final class RemoteAddress {

    private static final String UNKNOWN = "unknown";

    private RemoteAddress() {
    }

    /** The address, or {@code "unknown"}. */
    public static String of(Session session) {
        try {
            Method method = session.getClass().getMethod("getRemoteAddr");
            Object address = method.invoke(session);
            return address == null ? UNKNOWN : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}
