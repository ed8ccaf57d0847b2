package io.onebot.gateway.network.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.GatewayStack;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.testsupport.FlappingTarget;
import io.onebot.gateway.testsupport.FlappingTarget.Flap;
import io.onebot.gateway.testsupport.FlappingTarget.Handled;
import io.onebot.gateway.testsupport.ProcessResources;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reverse target that flaps 100 times — hangs in the handshake, refuses with 403, is not
 * listening, resets before the upgrade, upgrades and closes, upgrades and resets — and then
 * behaves: afterwards there is exactly one live connection, the connector says it is connected,
 * and this JVM's threads and sockets are back where they were with one connection before the
 * flapping. The real reverse stack runs under Weld SE on the Tyrus client Payara also uses.
 */
@EnableWeld
class ReverseFlappingTest {

    private static final int FLAPS = 100;
    private static final long RECONNECT_MILLIS = 100;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 300;
    /**
     * A hung handshake must end, socket closed, at the handshake timeout: not at the Tyrus
     * client's own default of 30 s. The margin is for a busy machine.
     */
    private static final long HANG_GIVEN_UP_WITHIN = HANDSHAKE_TIMEOUT_MILLIS + 2_000;
    private static final Duration STEP = Duration.ofSeconds(10);
    /**
     * Threads may differ by this many from the baseline: the JVM starts and retires JIT compiler
     * threads on its own (C1/C2 compiler threads are dynamic). Every other thread group, and the
     * sockets and pipe/epoll handles, must be back to their counts exactly: a leak of one per flap
     * (100) could never meet that.
     */
    private static final int THREAD_TOLERANCE = 2;

    private static final ScheduledThreadPoolExecutor SCHEDULER = new ScheduledThreadPoolExecutor(4);
    private static FlappingTarget target;

    /** One reverse entry dialling the flapping target, quickly. */
    @ApplicationScoped
    static class TestSettings implements Settings {
        @Produces
        GatewaySettings settings() {
            return current();
        }

        @Override
        public GatewaySettings current() {
            return SettingsReader.read(Map.of(
                    "onebot.sandbox.selfId", "4711",
                    "onebot.network.websocketClients.flap.enable", "true",
                    "onebot.network.websocketClients.flap.url", "ws://127.0.0.1:" + target.port() + "/onebot",
                    "onebot.network.websocketClients.flap.reconnectInterval", Long.toString(RECONNECT_MILLIS),
                    "onebot.network.websocketClients.flap.handshakeTimeout", Long.toString(HANDSHAKE_TIMEOUT_MILLIS),
                    "onebot.network.websocketClients.flap.heartInterval", "0"));
        }
    }

    @WeldSetup
    WeldInitiator weld = GatewayStack.reverse(TestSettings.class, SCHEDULER);

    @Inject
    ReverseConnections reverse;

    @BeforeAll
    static void listen() throws Exception {
        SCHEDULER.prestartAllCoreThreads();
        ProcessResources.openTheJdksOwnDescriptors();
        target = FlappingTarget.listen(0);
    }

    @AfterAll
    static void stopListening() {
        target.close();
        SCHEDULER.shutdownNow();
    }

    @Test
    void aHundredFlapsLeaveOneLiveConnectionAndNoLeakedThreadOrSocket() throws Exception {
        ProcessResources idle = settled();
        reverse.start();
        awaitOneLiveConnection();
        ProcessResources connected = settled();
        System.out.println("Reverse flapping: idle " + idle.summary() + "; one connection " + connected.summary());

        List<Flap> flaps = flapping();
        Map<Flap, Long> slowest = new EnumMap<>(Flap.class);
        int notListening = 0;
        target.dropLive();
        for (int i = 0; i < FLAPS; i++) {
            if (i % 6 == 2) {
                refusedWhileNotListening();
                notListening++;
            } else {
                Flap flap = flaps.remove(0);
                target.plan(List.of(flap));
                Handled handled = target.nextHandled(STEP.toMillis());
                assertNotNull(handled, "flap " + i + " (" + flap + ") happened");
                assertEquals(flap, handled.flap());
                assertTrue(flap != Flap.HANG || handled.closedByClient(), "the client closed the hung socket");
                slowest.merge(flap, handled.millis(), Math::max);
            }
        }
        assertEquals(0, target.planned());
        assertTrue(slowest.get(Flap.HANG) < HANG_GIVEN_UP_WITHIN,
                "a hung handshake is given up, its socket closed, at the handshake timeout: " + slowest);

        awaitOneLiveConnection();
        ProcessResources after = settledBackTo(connected);
        System.out.println("Reverse flapping: " + FLAPS + " flaps (" + notListening + " while not listening, "
                + "slowest per kind in ms " + slowest + "), " + reverse.attempts("flap") + " dials; after "
                + after.summary());
        assertEquals(1, target.live(), "exactly one live connection");
        assertEquals(1, target.openSockets(), "and no other socket open on the target");

        reverse.stop();
        await().atMost(STEP).until(() -> target.openSockets() == 0);
        ProcessResources stopped = settledBackTo(idle);
        System.out.println("Reverse flapping: stopped, " + stopped.summary());
    }

    /** The connection-level flaps in a fixed rotation; every sixth flap is "not listening". */
    private static List<Flap> flapping() {
        List<Flap> flaps = new ArrayList<>();
        Flap[] kinds = Flap.values();
        for (int i = 0; i < FLAPS; i++) {
            flaps.add(kinds[i % kinds.length]);
        }
        return flaps;
    }

    /** Closes the listener until a dial has been refused by it, then listens again. */
    private void refusedWhileNotListening() throws Exception {
        target.stopListening();
        long before = reverse.attempts("flap");
        // Only an ended attempt schedules the next one: a second dial means one was refused.
        await().atMost(STEP).until(() -> reverse.attempts("flap") >= before + 2);
        target.listenAgain();
    }

    private void awaitOneLiveConnection() throws InterruptedException {
        await().atMost(STEP).until(() -> target.live() == 1 && reverse.isConnected("flap"));
        String lifecycle = target.nextFrame(STEP.toMillis());
        assertNotNull(lifecycle, "the connection is served");
        assertEquals("lifecycle", WsClient.parse(lifecycle).getString("meta_event_type"));
    }

    /** A measurement once threads and descriptors have stopped changing for a moment. */
    private static ProcessResources settled() {
        ProcessResources[] last = {ProcessResources.now()};
        await().atMost(STEP).pollInterval(Duration.ofMillis(200)).until(() -> {
            ProcessResources now = ProcessResources.now();
            boolean same = now.threads() == last[0].threads() && now.sockets() == last[0].sockets()
                    && now.handles() == last[0].handles();
            last[0] = now;
            return same;
        });
        return last[0];
    }

    /** Waits until threads and sockets are back to the baseline, and fails saying what grew if they are not. */
    private static ProcessResources settledBackTo(ProcessResources baseline) {
        ProcessResources[] last = {null};
        try {
            await().atMost(STEP).pollInterval(Duration.ofMillis(200)).until(() -> {
                ProcessResources now = ProcessResources.now();
                last[0] = now;
                return now.backTo(baseline, THREAD_TOLERANCE, 0, 0, 0);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not back to the baseline " + baseline.summary() + ": now "
                    + last[0].summary() + ", thread groups grown " + last[0].threadGroupsGrownSince(baseline), e);
        }
        return last[0];
    }
}
