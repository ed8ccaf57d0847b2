package io.onebot.gateway.bench;

import jakarta.websocket.Session;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Memory per idle event connection: the server's RSS (and, for a JVM, its heap after a full GC)
 * with no bench connections, then after each of two steps of idle connections on the events
 * route, measured once their lifecycle events arrived and the server had time to settle. The
 * second step leaves out the one-off growth of the first.
 */
final class MemoryPhase {

    /** One step: connections held and what the server used then (NaN when not measurable). */
    record Step(int conns, double rssMiB, double heapMiB, int failed) {
    }

    private final LoadClients clients;
    private final ServerProbe server;
    private final URI eventsUrl;
    private final long settleMillis;
    private final long limitMillis;

    MemoryPhase(LoadClients clients, ServerProbe server, URI eventsUrl, long settleMillis, long limitMillis) {
        this.clients = clients;
        this.server = server;
        this.eventsUrl = eventsUrl;
        this.settleMillis = settleMillis;
        this.limitMillis = limitMillis;
    }

    /** Measures at 0, {@code step} and 2 x {@code step} idle connections; closes them all afterwards. */
    List<Step> run(int step) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        List<Session> held = new ArrayList<>();
        try {
            settle(settleMillis / 2);
            steps.add(measure(0, 0));
            for (int i = 1; i <= 2; i++) {
                CountDownLatch lifecycles = new CountDownLatch(step);
                LoadClients.Opened opened = clients.open(eventsUrl, step, n -> frame -> {
                    if (frame.contains("\"lifecycle\"")) {
                        lifecycles.countDown();
                    }
                }, limitMillis);
                held.addAll(opened.sessions());
                lifecycles.await(Math.max(10_000, step * 2L), TimeUnit.MILLISECONDS);
                settle(settleMillis);
                steps.add(measure(held.size(), opened.failed()));
            }
        } finally {
            clients.closeAll(held);
        }
        return steps;
    }

    private Step measure(int conns, int failed) {
        double rss = server.rssMiB();
        OptionalDouble heap = server.heapAfterGcMiB();
        return new Step(conns, rss, heap.orElse(Double.NaN), failed);
    }

    /** Gives the server time to finish what the connections started (buffers, lazily built state). */
    private static void settle(long millis) throws InterruptedException {
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }
}
