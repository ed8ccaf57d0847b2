package io.onebot.gateway.network.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.FlappingTarget;
import io.onebot.gateway.testsupport.FlappingTarget.Flap;
import io.onebot.gateway.testsupport.FlappingTarget.Handled;
import io.onebot.gateway.testsupport.LeakProbe;
import io.onebot.gateway.testsupport.LeakProbe.Reading;
import io.onebot.gateway.testsupport.WsClient;
import java.net.URL;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code alt} server's reverse entry {@code rev} (reconnectInterval 1000 ms, handshakeTimeout
 * 3000 ms) against a target that flaps in every way the unit test uses, on the server's own
 * WebSocket client (Tyrus on Payara, Undertow on WildFly): two rounds of the six kinds rather than
 * 100 flaps, which at a few seconds each would be too slow here ({@link ReverseFlappingTest}
 * runs all 100). Afterwards exactly one connection lives, and the server's threads and descriptors,
 * measured from inside by the leak probe, are back where they were with one connection. The one
 * difference between the servers: Undertow cannot close the socket of a hung handshake, so there
 * the test checks that the connector moves on and lets the socket go itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReverseFlappingIT {

    private static final int PORT = Integer.getInteger("it.reverse.port", 18765);
    /** Payara's WebSocket client is Tyrus; WildFly's is Undertow's. */
    private static final boolean TYRUS = !"wildfly".equals(System.getProperty("arquillian.launch"));
    /** The entry's reconnectInterval in arquillian.xml. */
    private static final long RECONNECT_MILLIS = 1_000;
    private static final int ROUNDS = 2;
    /** The entry's handshakeTimeout in arquillian.xml. */
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 3_000;
    /** A hung handshake must be given up near the entry's limit, not the runtime's own (10 s Undertow, 30 s Tyrus). */
    private static final long HANG_GIVEN_UP_WITHIN = HANDSHAKE_TIMEOUT_MILLIS + 3_000;
    /** reconnectInterval, a hung handshake, and room for a busy machine. */
    private static final Duration STEP = Duration.ofSeconds(30);
    /** Long enough for the connector, dialling every second, to be refused at least twice. */
    private static final long NOT_LISTENING_MILLIS = 2_500;
    /**
     * Room over the baseline with one connection: the server's pools grow lazily, so a few threads
     * may stay; one per flap (12) cannot hide in it.
     */
    private static final int THREAD_ROOM = 6;
    /** Thread groups are reported, not bounded: the server's elastic pools trade threads between groups. */
    private static final int ANY_GROUP_GROWTH = Integer.MAX_VALUE;
    /** The probe's own keep-alive HTTP connection may have been replaced by another. */
    private static final int SOCKET_ROOM = 1;

    private static FlappingTarget target;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    @TargetsContainer("alt")
    static WebArchive deployment() {
        return LeakProbe.inside(Deployments.gatewayWar());
    }

    @BeforeAll
    static void listen() throws Exception {
        target = FlappingTarget.listen(PORT);
    }

    @AfterAll
    static void stopListening() {
        target.close();
    }

    @Test
    void flapsLeaveOneLiveConnectionAndTheServerAsItWas() throws Exception {
        LeakProbe probe = new LeakProbe(base);
        awaitOneLiveConnection();
        Reading connected = probe.settled(STEP);

        Map<Flap, Long> slowest = new EnumMap<>(Flap.class);
        target.dropLive();
        for (int round = 0; round < ROUNDS; round++) {
            for (Flap flap : Flap.values()) {
                if (flap == Flap.HANG && !TYRUS) {
                    slowest.merge(flap, hangOnUndertow(), Math::max);
                } else {
                    target.plan(List.of(flap));
                    Handled handled = target.nextHandled(STEP.toMillis());
                    assertNotNull(handled, flap + " happened");
                    assertEquals(flap, handled.flap());
                    assertTrue(flap != Flap.HANG || handled.closedByClient() && handled.millis() < HANG_GIVEN_UP_WITHIN,
                            "Tyrus closes a hung handshake's socket near handshakeTimeout: " + handled);
                    slowest.merge(flap, handled.millis(), Math::max);
                }
            }
            target.stopListening();
            assertNull(target.nextHandled(NOT_LISTENING_MILLIS), "nothing is accepted while not listening");
            target.listenAgain();
        }

        awaitOneLiveConnection();
        // Undertow's WebSocket client (WildFly) cannot release the socket of an upgrade that fails
        // in flight: XNIO shuts only its reading side, so a hung handshake's socket stays in
        // CLOSE_WAIT and one reset during the upgrade stays open, dead, for good. Those, at most one
        // per such flap, are the runtime's and not the gateway's; anything more is a leak.
        int runtimeLeftovers = TYRUS ? 0 : ROUNDS * 2;
        Reading after = backTo(probe, connected, runtimeLeftovers);
        System.out.println("Reverse flapping in-container (" + (TYRUS ? "Tyrus" : "Undertow") + "): "
                + ROUNDS * (Flap.values().length + 1) + " flaps, slowest"
                + " per kind in ms " + slowest + "; with one connection before " + connected.summary() + ", after "
                + after.summary() + "; sockets grown " + after.socketsGrownSince(connected) + ", gone "
                + connected.socketsGrownSince(after));
        assertEquals(1, target.live(), "exactly one live connection");
        assertEquals(1, target.openSockets(), "and no other socket open on the target");
    }

    /**
     * A hung handshake on Undertow (WildFly): its limit frees the dialling thread, but XNIO's HTTP
     * upgrade has no way to abort, so the socket stays open until the framework closes it (see
     * {@link HandshakeTimeout}). What must hold is that the connector is not stalled: its next dial
     * arrives after handshakeTimeout and reconnectInterval. The target then lets the socket go.
     *
     * @return how long the socket hung before the target let it go
     */
    private static long hangOnUndertow() throws InterruptedException {
        long start = System.nanoTime();
        target.plan(List.of(Flap.HANG, Flap.REFUSE));
        Handled next = target.nextHandled(STEP.toMillis());
        long movedOn = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertNotNull(next, "the connector dialled again after a hung handshake");
        assertEquals(Flap.REFUSE, next.flap(), "the connector dialled again before the hung socket was closed");
        // The hung dial starts within one interval, is given up at the limit, and the next one
        // follows an interval later; Undertow's own limit (10 s) would take far longer.
        assertTrue(movedOn < RECONNECT_MILLIS + HANG_GIVEN_UP_WITHIN + RECONNECT_MILLIS,
                "dialled again after " + movedOn + " ms");
        target.releaseHung();
        Handled hung = target.nextHandled(STEP.toMillis());
        assertNotNull(hung, "the hung socket was let go");
        assertEquals(Flap.HANG, hung.flap());
        return hung.millis();
    }

    private static void awaitOneLiveConnection() throws InterruptedException {
        await().atMost(STEP).until(() -> target.live() == 1);
        String lifecycle = target.nextFrame(STEP.toMillis());
        assertNotNull(lifecycle, "the connection is served");
        assertEquals("lifecycle", WsClient.parse(lifecycle).getString("meta_event_type"));
    }

    private static Reading backTo(LeakProbe probe, Reading baseline, int runtimeLeftovers) {
        Reading[] last = {null};
        try {
            await().atMost(STEP).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Reading now = probe.read(false);
                last[0] = now;
                return now.resources().backTo(baseline.resources(), THREAD_ROOM, ANY_GROUP_GROWTH,
                        SOCKET_ROOM + runtimeLeftovers, 0);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not back to " + baseline.summary() + ": now " + last[0].summary()
                    + "; thread groups grown " + last[0].resources().threadGroupsGrownSince(baseline.resources())
                    + "; sockets grown " + last[0].socketsGrownSince(baseline), e);
        }
        return last[0];
    }
}
