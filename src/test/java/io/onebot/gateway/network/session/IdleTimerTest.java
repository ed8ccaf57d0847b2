package io.onebot.gateway.network.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.Test;

/**
 * The Tyrus idle timer is switched off on Tyrus sessions, which keep working, and nothing is done
 * to sessions of other implementations.
 */
class IdleTimerTest {

    /** Echoes text frames. */
    @ServerEndpoint("/echo")
    public static class Echo {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void aTyrusSessionGetsASchedulerThatRunsNothingAndStillWorks() throws Exception {
        Server server = new Server("127.0.0.1", -1, "/", Map.of(), Echo.class);
        server.start();
        try {
            BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
            Session session = ContainerProvider.getWebSocketContainer().connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    session.addMessageHandler(String.class, received::add);
                }
            }, ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:" + server.getPort() + "/echo"));

            IdleTimer.disable(session);
            session.setMaxIdleTimeout(-1);

            Field scheduler = Class.forName("org.glassfish.tyrus.core.TyrusSession").getDeclaredField("service");
            scheduler.setAccessible(true);
            assertSame(IdleTimer.Never.INSTANCE, scheduler.get(session));
            session.getBasicRemote().sendText("still here");
            assertEquals("still here", received.poll(10, TimeUnit.SECONDS));
            session.close();
        } finally {
            server.stop();
        }
    }

    @Test
    void anotherImplementationsSessionIsLeftAlone() {
        int[] calls = {0};
        Session foreign = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    calls[0]++;
                    return null;
                });
        IdleTimer.disable(foreign);
        assertEquals(0, calls[0], "not a single call on a session that is not Tyrus's");
    }

    @Test
    void theSchedulerNeverRunsAnything() throws Exception {
        boolean[] ran = {false};
        var future = IdleTimer.Never.INSTANCE.schedule(() -> ran[0] = true, 0, TimeUnit.MILLISECONDS);
        IdleTimer.Never.INSTANCE.execute(() -> ran[0] = true);
        assertTrue(future.isCancelled() && future.isDone());
        assertTrue(!ran[0]);
    }
}
