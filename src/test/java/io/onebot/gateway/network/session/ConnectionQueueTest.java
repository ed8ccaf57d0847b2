package io.onebot.gateway.network.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The outbound queue of one connection against a peer that does not read (its sends never
 * complete): one send in flight, the rest waiting, and the connection closed with 1013 once more
 * than {@link Connection#MAX_QUEUED_FRAMES} frames or {@link Connection#MAX_QUEUED_CHARS}
 * characters wait; a reading peer gets everything in order.
 */
class ConnectionQueueTest {

    /** A session whose sends complete only when the test says so. */
    private static final class Peer {
        final List<String> sent = new ArrayList<>();
        final List<SendHandler> pending = new ArrayList<>();
        final List<CloseReason> closes = new ArrayList<>();
        final Session session;

        Peer() {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            sent.add((String) args[0]);
                            pending.add((SendHandler) args[1]);
                        }
                        return null;
                    });
            session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> async;
                        case "isOpen" -> closes.isEmpty();
                        case "close" -> {
                            closes.add(args == null ? null : (CloseReason) args[0]);
                            yield null;
                        }
                        default -> null;
                    });
        }

        /** Completes the oldest pending send, as a reading peer would. */
        void read() {
            pending.remove(0).onResult(new SendResult());
        }
    }

    private static Connection connection(Peer peer, AtomicInteger failures) {
        return new Connection(peer.session, new ConnectionOptions("t", MessageFormat.ARRAY, false, false), null,
                connection -> failures.incrementAndGet());
    }

    @Test
    void aReadingPeerGetsEveryFrameInOrderOneAtATime() {
        Peer peer = new Peer();
        Connection connection = connection(peer, new AtomicInteger());
        for (int i = 0; i < 5; i++) {
            connection.send("frame " + i);
        }
        assertEquals(List.of("frame 0"), peer.sent, "one send in flight");
        for (int i = 0; i < 5; i++) {
            peer.read();
        }
        assertEquals(List.of("frame 0", "frame 1", "frame 2", "frame 3", "frame 4"), peer.sent);
        assertTrue(peer.closes.isEmpty());
    }

    @Test
    void tooManyWaitingFramesClose1013() {
        Peer peer = new Peer();
        AtomicInteger failures = new AtomicInteger();
        Connection connection = connection(peer, failures);
        connection.send("in flight");
        for (int i = 0; i < Connection.MAX_QUEUED_FRAMES; i++) {
            connection.send("waiting");
        }
        assertTrue(peer.closes.isEmpty(), "exactly the limit may wait");
        connection.send("one too many");
        assertEquals(1, peer.closes.size());
        assertEquals(1013, peer.closes.get(0).getCloseCode().getCode());
        assertEquals(1, failures.get());
        connection.send("after the close");
        assertEquals(1, peer.sent.size(), "nothing more is sent");
    }

    @Test
    void tooManyWaitingCharactersClose1013() {
        Peer peer = new Peer();
        Connection connection = connection(peer, new AtomicInteger());
        int size = 1024 * 1024;
        connection.send("in flight");
        for (long waiting = 0; waiting + size <= Connection.MAX_QUEUED_CHARS; waiting += size) {
            connection.send("y".repeat(size));
        }
        assertTrue(peer.closes.isEmpty(), "up to the limit may wait");
        connection.send("y".repeat(size));
        assertEquals(1013, peer.closes.get(0).getCloseCode().getCode());
    }

    @Test
    void oneFrameLargerThanTheCharacterBoundGoesOutWhenNothingElseWaits() {
        Peer peer = new Peer();
        Connection connection = connection(peer, new AtomicInteger());
        String huge = "z".repeat((int) Connection.MAX_QUEUED_CHARS + 1);
        connection.send(huge);
        assertTrue(peer.closes.isEmpty());
        assertEquals(1, peer.sent.size());
        peer.read();
        connection.send("next");
        assertEquals("next", peer.sent.get(1));
        assertFalse(connection.isClosed());
    }
}
