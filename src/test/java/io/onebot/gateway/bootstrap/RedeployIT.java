package io.onebot.gateway.bootstrap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.FrameworkServer;
import io.onebot.gateway.testsupport.FrameworkServer.Peer;
import io.onebot.gateway.testsupport.Gateway;
import io.onebot.gateway.testsupport.LeakProbe;
import io.onebot.gateway.testsupport.LeakProbe.Reading;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.websocket.CloseReason;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway deployed and undeployed 20 times in one running server (the {@code alt}
 * configuration, which has a forward entry and a reverse one): before each undeploy a forward
 * client is connected and the reverse entry has connected to a stand-in framework, and the
 * undeploy closes both with 1001; after the last cycle no thread runs gateway code, no thread
 * holds a gateway class loader (but for a WildFly quirk with the first one, see
 * {@link #onlyTheFirstDeploymentHeld}), no gateway task waits in the managed scheduler, no
 * connection is open, nothing dials, and the server's threads and descriptors are back near what
 * they were after the first cycle.
 *
 * <p>A leak probe ({@link LeakProbe}) measures inside the server and stays deployed throughout.
 * On WildFly the test deploys the gateway with Arquillian's {@link Deployer}; on Payara Micro,
 * whose test adapter starts a server per deployment, the probe is the test's deployment and
 * itself deploys the gateway through Payara Micro's runtime API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

    private static final int CYCLES = 20;
    private static final String PROBE = "probe";
    private static final String GATEWAY = "gateway";
    private static final boolean PAYARA = !"wildfly".equals(System.getProperty("arquillian.launch"));
    private static final int FRAMEWORK_PORT = Integer.getInteger("it.reverse.port", 18765);
    private static final Duration STEP = Duration.ofSeconds(60);
    /** How long the server may take to come back to the baseline after the last cycle. */
    private static final Duration SETTLE = Duration.ofMinutes(2);
    /**
     * Room over the baseline taken after the first cycle. The containers grow their pools
     * (HTTP workers, deployment and management threads, managed executors) lazily and to a size
     * that depends on how requests happened to overlap, so a few more threads may stay (up to 8
     * more were seen on Payara, in its own deployment executor and domain.xml writer groups);
     * sockets and selector handles may differ by the test's own keep-alive HTTP and management
     * connections. A leak of one per cycle adds {@code CYCLES - 1} = 19 and cannot hide in this room.
     */
    private static final int THREAD_ROOM = 10;
    /**
     * Thread groups are reported, not bounded, inside a server: its own elastic pools (Hazelcast's
     * cached threads on Payara, the management threads on WildFly) trade threads between groups
     * while the total stays put, and the total is bounded above.
     */
    private static final int ANY_GROUP_GROWTH = Integer.MAX_VALUE;
    private static final int DESCRIPTOR_ROOM = 2;

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment(PROBE)
    URL probeUrl;

    @Deployment(name = PROBE, testable = false)
    @TargetsContainer("alt")
    static WebArchive probe() {
        return LeakProbe.war();
    }

    /** Deployed by the test itself, on WildFly; Payara Micro gets the WAR file through the probe. */
    @Deployment(name = GATEWAY, managed = false, testable = false)
    @TargetsContainer("alt")
    static WebArchive gateway() {
        return Deployments.gatewayWar();
    }

    @Test
    void twentyRedeploysCloseEveryConnectionWith1001AndLeaveNothingBehind() throws Exception {
        LeakProbe probe = new LeakProbe(probeUrl);
        Gateway gateway = new Gateway("127.0.0.2", probeUrl);
        List<Long> cycleMillis = new ArrayList<>();
        Reading baseline = null;
        try (FrameworkServer framework = FrameworkServer.start(FRAMEWORK_PORT)) {
            FrameworkServer.reset();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                long start = System.nanoTime();
                deploy(probe);
                try (WsClient forward = WsClient.connect(gateway.ws("/"), Map.of("Authorization", "Bearer alt-token"))) {
                    assertEquals("lifecycle", forward.next().getString("meta_event_type"), "cycle " + cycle);
                    Peer reverse = nextOpenPeer();
                    assertNotNull(reverse, "cycle " + cycle + ": the reverse entry connected");

                    undeploy(probe);

                    assertEquals(CloseReason.CloseCodes.GOING_AWAY.getCode(),
                            forward.awaitClose(STEP).getCloseCode().getCode(), "cycle " + cycle + ": forward client");
                    CloseReason reverseClose = reverse.closed().get(STEP.toMillis(), TimeUnit.MILLISECONDS);
                    assertEquals(CloseReason.CloseCodes.GOING_AWAY.getCode(), reverseClose.getCloseCode().getCode(),
                            "cycle " + cycle + ": reverse connection");
                }
                cycleMillis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                if (cycle == 1) {
                    baseline = probe.settled(STEP);
                    assertNotEquals(-1, baseline.scheduledTasks(), "the probe can read the managed scheduler");
                    System.out.println("Redeploy (" + server() + "): baseline after the first cycle: "
                            + baseline.summary());
                }
            }
            Reading after = backTo(probe, baseline);
            Reading collected = probe.read(true);
            System.out.println("Redeploy (" + server() + "): " + CYCLES + " cycles, ms each " + cycleMillis
                    + "; afterwards " + after.summary() + "; thread groups grown "
                    + after.resources().threadGroupsGrownSince(baseline.resources()) + "; sockets grown "
                    + after.socketsGrownSince(baseline) + "; after one more collection " + collected.loadersAlive() + " gateway class loaders alive");
            assertEquals(0, after.threadsInGatewayCode(), "no thread runs gateway code: " + after.gatewayThreads());
            assertTrue(onlyTheFirstDeploymentHeld(after), "threads holding a gateway class loader: "
                    + after.gatewayThreads());
            assertEquals(CYCLES, after.loadersSeen(), "the probe saw every deployment's class loader");
            // The server's own caches may keep some undeployed class loaders reachable for a while;
            // one pinned by every deployment (a leak per deploy) would keep all of them.
            assertTrue(collected.loadersAlive() < CYCLES, collected.loadersAlive() + " of " + CYCLES
                    + " gateway class loaders are still reachable after garbage collection");
            assertEquals(0, FrameworkServer.open(), "no reverse connection is open");
            assertNull(nextOpenPeer(5_000), "no connector dials after the last undeploy");
        }
    }

    /** The next reverse connection still open, or null after {@code STEP}. */
    private static Peer nextOpenPeer() throws InterruptedException {
        return nextOpenPeer(STEP.toMillis());
    }

    /**
     * The next reverse connection still open, or null after {@code millis}. Attempts that the
     * gateway gave up while the framework was still accepting them (a first handshake slowed by a
     * busy machine past handshakeTimeout) reach the framework too, already closed: they are
     * skipped.
     */
    private static Peer nextOpenPeer(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            Peer peer = FrameworkServer.nextPeer(left);
            if (peer == null || peer.session().isOpen()) {
                return peer;
            }
        }
    }

    private void deploy(LeakProbe probe) throws Exception {
        if (PAYARA) {
            probe.deploy("onebot", "/", Path.of(System.getProperty("it.war", "target/onebot.war")));
        } else {
            deployer.deploy(GATEWAY);
            probe.track("/");
        }
    }

    private void undeploy(LeakProbe probe) throws Exception {
        if (PAYARA) {
            probe.undeploy("onebot");
        } else {
            deployer.undeploy(GATEWAY);
        }
    }

    private static String server() {
        return PAYARA ? "Payara Micro" : "WildFly";
    }

    /**
     * Waits until no thread runs gateway code, no thread holds the class loader of any deployment
     * but the first, no more tasks wait in the scheduler than after the first cycle, and threads
     * and descriptors are back within the room; fails naming what stayed.
     */
    /**
     * Whether the threads that hold a gateway class loader as their context class loader, if any,
     * hold only the first deployment's. Why not none: on WildFly an idle worker thread of the
     * server's own pool ({@code default task-N}, parked in the pool, running nothing) was seen
     * keeping the first deployment's class loader as its context class loader to the end, in
     * some runs and not in others. A new thread starts with the context class loader of the
     * thread that creates it, the server's pools grow while the first deployment runs, and an idle
     * thread keeps what it has. That is the server's, and it stays one loader however many cycles
     * run; a thread holding any later deployment's loader, or a gateway thread, still fails.
     */
    private static boolean onlyTheFirstDeploymentHeld(Reading reading) {
        return reading.heldDeployments().stream().allMatch(deployment -> deployment == 1);
    }

    private static Reading backTo(LeakProbe probe, Reading baseline) {
        Reading[] last = {null};
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Reading now = probe.read(true);
                last[0] = now;
                return now.threadsInGatewayCode() == 0 && onlyTheFirstDeploymentHeld(now)
                        && now.scheduledTasks() <= baseline.scheduledTasks()
                        && now.resources().backTo(baseline.resources(), THREAD_ROOM, ANY_GROUP_GROWTH, DESCRIPTOR_ROOM,
                                DESCRIPTOR_ROOM);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not back to the first cycle's " + baseline.summary() + ": now "
                    + last[0].summary() + "; thread groups grown "
                    + last[0].resources().threadGroupsGrownSince(baseline.resources()) + "; sockets grown "
                    + last[0].socketsGrownSince(baseline) + "; holding " + last[0].gatewayThreads(), e);
        }
        return last[0];
    }
}
