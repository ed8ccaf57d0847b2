package io.onebot.gateway.core;

import java.util.Map;

/**
 * Lets the server's own WebSocket client, which the gateway dials reverse connections and the
 * upstream with, take frames as large as the gateway takes from its own clients.
 *
 * <p>Why: Tyrus's client (Payara, GlassFish) reads each incoming frame into a buffer whose size
 * is fixed when it connects, 4 MiB unless told otherwise, and a larger frame ends the connection,
 * whatever the session's message size limit says: a framework's request carrying a picture as
 * base64, or an upstream's member list of a large group, would drop the link. The WebSocket API
 * has no setting for it. Tyrus reads it from the endpoint configuration's user properties (under
 * the name WebLogic gave it); other runtimes ignore that entry, and Undertow (WildFly) has no such
 * buffer: its limit is the session's message size, which the endpoints set.
 */
public final class ClientFrames {

    /** The user property Tyrus's client takes its incoming buffer size from. */
    static final String TYRUS_INCOMING_BUFFER = "weblogic.websocket.tyrus.incoming-buffer-size";

    /**
     * Room above the largest message. Tyrus checks the part of a frame it holds together with all
     * of the next read against the buffer, and a read may bring the start of the next frame along:
     * 14 MiB more, 64 MiB in all for NapCat's 50 MiB, as the server side gets in {@code web.xml}.
     */
    private static final int READ_ROOM = 14 * 1024 * 1024;

    private ClientFrames() {
    }

    /** Puts into a dial's endpoint configuration what lets frames of {@code maxMessageBytes} in. */
    public static void allow(Map<String, Object> userProperties, int maxMessageBytes) {
        userProperties.put(TYRUS_INCOMING_BUFFER, maxMessageBytes + READ_ROOM);
    }
}
