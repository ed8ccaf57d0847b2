package io.onebot.gateway.bench;

import jakarta.websocket.Session;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API round trips: {@code get_status} on the API-only route, each connection keeping a fixed
 * number of requests in flight until its share is answered. Latency is from just before a request
 * is sent to the arrival of its answer, matched by a numeric {@code echo}.
 */
final class ApiPhase {

    /** One row: answered requests, failures and the figures; {@code error} when the row could not run. */
    record Run(int conns, int answered, int expected, int errors, double requestsPerSecond, double p50, double p99,
               double cpuPer10k, String error) {
    }

    private final LoadClients clients;
    private final ServerProbe server;
    private final URI apiUrl;
    private final long limitMillis;

    ApiPhase(LoadClients clients, ServerProbe server, URI apiUrl, long limitMillis) {
        this.clients = clients;
        this.server = server;
        this.apiUrl = apiUrl;
        this.limitMillis = limitMillis;
    }

    /** Answers about {@code total} requests over {@code conns} connections, {@code depth} in flight on each. */
    Run run(int conns, int total, int depth) throws InterruptedException {
        int perConn = (total + conns - 1) / conns;
        int expected = perConn * conns;
        Latencies latencies = new Latencies(expected);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Caller[] callers = new Caller[conns];
        for (int i = 0; i < conns; i++) {
            callers[i] = new Caller(i, perConn, depth, latencies, answered, errors, expected, done);
        }
        LoadClients.Opened opened = clients.open(apiUrl, conns, i -> callers[i], limitMillis);
        if (opened.failed() > 0) {
            clients.closeAll(opened.sessions());
            return new Run(conns, 0, expected, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    opened.failed() + "/" + conns + " connections failed to open: " + opened.firstError());
        }
        double cpu0 = server.cpuSeconds();
        long t0 = System.nanoTime();
        for (Caller caller : callers) {
            caller.pump();
        }
        done.await(limitMillis, TimeUnit.MILLISECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = server.cpuSeconds() - cpu0;
        clients.closeAll(opened.sessions());
        int got = answered.get();
        return new Run(conns, got, expected, errors.get(), got / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), cpu / (got / 10_000.0), null);
    }

    /** One connection's requests: which are in flight and when each was sent. */
    private static final class Caller implements LoadClients.Listener {
        private static final long ECHO_BASE = 1_000_000_000L;

        private final int id;
        private final int total;
        private final int depth;
        private final long[] sentAt;
        private final Latencies latencies;
        private final AtomicInteger answered;
        private final AtomicInteger errors;
        private final int expected;
        private final CountDownLatch done;
        private volatile Session session;
        private int issued;
        private int inFlight;

        Caller(int id, int total, int depth, Latencies latencies, AtomicInteger answered, AtomicInteger errors,
               int expected, CountDownLatch done) {
            this.id = id;
            this.total = total;
            this.depth = depth;
            this.sentAt = new long[total];
            this.latencies = latencies;
            this.answered = answered;
            this.errors = errors;
            this.expected = expected;
            this.done = done;
        }

        @Override
        public void opened(Session session) {
            this.session = session;
        }

        @Override
        public void text(String frame) {
            long now = System.nanoTime();
            long echo = JsonScan.longField(frame, "echo");
            long seq = echo - id * ECHO_BASE;
            if (echo < 0 || seq < 0 || seq >= total) {
                return; // not an answer to one of ours
            }
            long sent;
            synchronized (this) {
                sent = sentAt[(int) seq];
                if (sent == 0) {
                    return; // answered twice: counted once
                }
                sentAt[(int) seq] = 0;
                inFlight--;
            }
            latencies.add(now - sent);
            if (JsonScan.longField(frame, "retcode") != 0) {
                errors.incrementAndGet();
            }
            if (answered.incrementAndGet() >= expected) {
                done.countDown();
            }
            pump();
        }

        /** Sends requests until {@code depth} are in flight or this connection's share is issued. */
        synchronized void pump() {
            while (inFlight < depth && issued < total) {
                long echo = id * ECHO_BASE + issued;
                sentAt[issued] = System.nanoTime();
                issued++;
                inFlight++;
                session.getAsyncRemote().sendText("{\"action\":\"get_status\",\"params\":{},\"echo\":" + echo + "}");
            }
        }
    }
}
