package io.onebot.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Event fan-out: event connections on the events route, then message events injected in
 * batches, one awaited injection call per batch. Each client checks that it gets every event
 * exactly once; latency is arrival minus the start of the injection call of the event's batch,
 * so it includes the call and the wait behind the rest of the batch, as in the Node bench.
 */
final class FanoutPhase {

    /**
     * One row. {@code exactClients} is how many clients got every event exactly once;
     * {@code error} is set when the row could not run, {@code injectError} when an injection failed.
     */
    record Run(int clients, int events, long expected, long delivered, long duplicates, int exactClients,
               double deliveriesPerSecond, double p50, double p99, double injectSeconds, double cpuPer100k,
               String error, String injectError) {

        long missing() {
            return expected - delivered;
        }
    }

    /** Something to do once the clients are open and have their lifecycle event, before injecting. */
    interface BeforeInjecting {
        void run() throws IOException;
    }

    private final LoadClients clients;
    private final ServerProbe server;
    private final EventInjector injector;
    private final URI eventsUrl;
    private final long limitMillis;
    private final int selfId;
    private final AtomicInteger runs = new AtomicInteger();

    FanoutPhase(LoadClients clients, ServerProbe server, EventInjector injector, URI eventsUrl, long limitMillis,
                int selfId) {
        this.clients = clients;
        this.server = server;
        this.injector = injector;
        this.eventsUrl = eventsUrl;
        this.limitMillis = limitMillis;
        this.selfId = selfId;
    }

    Run run(int clientCount, int events, int batch) throws InterruptedException {
        return run(clientCount, events, batch, () -> { });
    }

    /** Delivers {@code events} events in batches of {@code batch} to {@code clientCount} event connections. */
    Run run(int clientCount, int events, int batch, BeforeInjecting before) throws InterruptedException {
        String key = "fan" + ProcessHandle.current().pid() + "x" + runs.incrementAndGet() + "x"
                + Long.toString(System.currentTimeMillis(), 36) + "-";
        long expected = (long) events * clientCount;
        int batches = (events + batch - 1) / batch;
        AtomicLongArray batchStart = new AtomicLongArray(batches);
        Latencies latencies = new Latencies((int) Math.min(expected, 20_000_000));
        AtomicLong delivered = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        CountDownLatch lifecycles = new CountDownLatch(clientCount);
        CountDownLatch done = new CountDownLatch(1);
        Receiver[] receivers = new Receiver[clientCount];
        for (int i = 0; i < clientCount; i++) {
            receivers[i] = new Receiver(key, events, batch, batchStart, latencies, delivered, duplicates, lastArrival,
                    lifecycles, expected, done);
        }
        long openLimit = Math.max(limitMillis, clientCount * 20L);
        LoadClients.Opened opened = clients.open(eventsUrl, clientCount, i -> receivers[i], openLimit);
        try {
            if (opened.failed() > 0) {
                return failed(clientCount, events, expected,
                        opened.failed() + "/" + clientCount + " connections failed to open: " + opened.firstError());
            }
            if (!lifecycles.await(Math.max(10_000, clientCount * 2L), TimeUnit.MILLISECONDS)) {
                return failed(clientCount, events, expected, lifecycles.getCount() + " clients got no lifecycle event");
            }
            try {
                before.run();
            } catch (IOException e) {
                return failed(clientCount, events, expected, "preparing the run failed: " + e.getMessage());
            }
            double cpu0 = server.cpuSeconds();
            long t0 = System.nanoTime();
            String injectError = null;
            for (int b = 0; b < batches; b++) {
                String json = EventInjector.messages(key, b * batch, Math.min(events, (b + 1) * batch), selfId);
                batchStart.set(b, System.nanoTime());
                try {
                    injector.inject(json);
                } catch (IOException e) {
                    injectError = e.getMessage();
                    break;
                }
                if (System.nanoTime() - t0 > limitMillis * 1_000_000) {
                    injectError = "injection stopped at the limit after " + (b + 1) + " batches";
                    break;
                }
            }
            double injectSeconds = (System.nanoTime() - t0) / 1e9;
            long remaining = limitMillis - (System.nanoTime() - t0) / 1_000_000;
            // Even after a failed injection call the target may still be delivering what it took:
            // arrivals count until the limit.
            done.await(Math.max(remaining, 1000), TimeUnit.MILLISECONDS);
            double cpu = server.cpuSeconds() - cpu0;
            long end = lastArrival.get() == 0 ? System.nanoTime() : lastArrival.get();
            long got = delivered.get();
            int exact = 0;
            for (Receiver receiver : receivers) {
                exact += receiver.exactlyOnce() ? 1 : 0;
            }
            return new Run(clientCount, events, expected, got, duplicates.get(), exact, got / ((end - t0) / 1e9),
                    latencies.percentileMillis(50), latencies.percentileMillis(99), injectSeconds,
                    cpu / (got / 100_000.0), null, injectError);
        } finally {
            clients.closeAll(opened.sessions());
        }
    }

    private static Run failed(int clients, int events, long expected, String error) {
        return new Run(clients, events, expected, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, error, null);
    }

    /** One event connection: which of the run's events it has seen, and how many times. */
    private static final class Receiver implements LoadClients.Listener {
        private final String key;
        private final int batch;
        private final AtomicLongArray batchStart;
        private final Latencies latencies;
        private final AtomicLong delivered;
        private final AtomicLong duplicates;
        private final AtomicLong lastArrival;
        private final CountDownLatch lifecycles;
        private final long expected;
        private final CountDownLatch done;
        private final byte[] seen;
        private int distinct;
        private int extra;

        Receiver(String key, int events, int batch, AtomicLongArray batchStart, Latencies latencies,
                 AtomicLong delivered, AtomicLong duplicates, AtomicLong lastArrival, CountDownLatch lifecycles,
                 long expected, CountDownLatch done) {
            this.key = key;
            this.batch = batch;
            this.batchStart = batchStart;
            this.latencies = latencies;
            this.delivered = delivered;
            this.duplicates = duplicates;
            this.lastArrival = lastArrival;
            this.lifecycles = lifecycles;
            this.expected = expected;
            this.done = done;
            this.seen = new byte[events];
        }

        @Override
        public void text(String frame) {
            int at = frame.indexOf(key);
            if (at < 0) {
                if (frame.contains("\"lifecycle\"")) {
                    lifecycles.countDown();
                }
                return;
            }
            long now = System.nanoTime();
            int seq = 0;
            int i = at + key.length();
            int start = i;
            while (i < frame.length() && Character.isDigit(frame.charAt(i)) && i - start < 9) {
                seq = seq * 10 + (frame.charAt(i++) - '0');
            }
            synchronized (this) {
                if (i == start || seq >= seen.length || seen[seq] != 0) {
                    extra++;
                    duplicates.incrementAndGet();
                    return;
                }
                seen[seq] = 1;
                distinct++;
            }
            latencies.add(now - batchStart.get(seq / batch));
            lastArrival.accumulateAndGet(now, Math::max);
            if (delivered.incrementAndGet() >= expected) {
                done.countDown();
            }
        }

        synchronized boolean exactlyOnce() {
            return distinct == seen.length && extra == 0;
        }
    }
}
