package io.onebot.gateway.bench;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a bench run is told, read from {@code bench.*} system properties so that one Maven
 * command line carries it all. Defaults are the Node bench's, plus the larger rows.
 *
 * @param url              the events+API route of the target; the API-only route is {@code <url>api}
 * @param pid              the server process on this machine, 0 for none (no CPU or memory figures)
 * @param token            sent as {@code Authorization: Bearer} on every connection, empty for none
 * @param injectUrl        where event arrays are POSTed, empty for none (no fan-out phases)
 * @param phases           which of memory, api, fanout, burst, slow to run (memory always first)
 * @param repeat           runs per row; a row shows the run with the median throughput
 * @param limitMillis      limit for each run: what is missing by then is reported, never waited for
 * @param runLimitSeconds  limit for the whole run; the tool exits with status 3 when it is reached
 */
public record BenchOptions(URI url, long pid, String token, URI injectUrl, Set<String> phases, int repeat,
                           List<Integer> apiConns, int apiRequests, int apiDepth, int apiWarmup,
                           List<Integer> fanoutClients, int fanoutEvents, int fanoutBatch, long fanoutMaxDeliveries,
                           int memConns, long memSettleMillis, int burstClients, int burstEvents, int slowClients,
                           int openParallel, long limitMillis, long runLimitSeconds, int selfId, boolean heap,
                           String out) {

    /** The phases in the order they run. */
    public static final List<String> ALL_PHASES = List.of("memory", "api", "fanout", "burst", "slow");

    /** Reads the options from {@code bench.*} properties; a bad value fails with its property's name. */
    public static BenchOptions from(Function<String, String> properties) {
        Reader r = new Reader(properties);
        URI url = rootUrl(r.text("bench.url", ""));
        String inject = r.text("bench.inject", "");
        Set<String> phases = Arrays.stream(r.text("bench.phases", String.join(",", ALL_PHASES)).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        for (String phase : phases) {
            if (!ALL_PHASES.contains(phase)) {
                throw new IllegalArgumentException("bench.phases: unknown phase " + phase + ", known: " + ALL_PHASES);
            }
        }
        return new BenchOptions(url, r.number("bench.pid", 0), r.text("bench.token", ""),
                inject.isEmpty() ? null : URI.create(inject), phases, r.positive("bench.repeat", 3),
                r.list("bench.api.conns", "1,16,64"), r.positive("bench.api.requests", 20_000),
                r.positive("bench.api.depth", 16), (int) r.number("bench.api.warmup", 5_000),
                r.list("bench.fanout.clients", "1,100,1000,10000"), r.positive("bench.fanout.events", 500),
                r.positive("bench.fanout.batch", 50), r.number("bench.fanout.maxDeliveries", 1_000_000),
                r.positive("bench.memory.conns", 1000), r.number("bench.memory.settleMs", 2000),
                r.positive("bench.burst.clients", 10_000), r.positive("bench.burst.events", 100),
                r.positive("bench.slow.clients", 1000), r.positive("bench.openParallel", 100),
                r.number("bench.limitMs", 60_000), r.number("bench.runLimitS", 1800),
                r.positive("bench.selfId", 10001), Boolean.parseBoolean(r.text("bench.heap", "true")),
                r.text("bench.out", ""));
    }

    /** The API-only route. */
    public URI apiUrl() {
        return url.resolve("api");
    }

    /** Whether the phase was asked for. */
    public boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** Events for a fan-out row: fewer for the large rows, so that a row stays within its limit. */
    public int fanoutEventsFor(int clients) {
        long capped = Math.max(fanoutBatch, fanoutMaxDeliveries / clients);
        return (int) Math.min(fanoutEvents, capped);
    }

    private static URI rootUrl(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("bench.url is required, e.g. -Dbench.url=ws://127.0.0.1:3101/");
        }
        URI uri = URI.create(text);
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("bench.url must be ws:// or wss://, got " + text);
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    private record Reader(Function<String, String> properties) {
        String text(String name, String fallback) {
            String value = properties.apply(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        long number(String name, long fallback) {
            String value = text(name, "");
            try {
                return value.isEmpty() ? fallback : Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got " + value, e);
            }
        }

        int positive(String name, int fallback) {
            long value = number(name, fallback);
            if (value <= 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must be a positive number, got " + value);
            }
            return (int) value;
        }

        List<Integer> list(String name, String fallback) {
            String value = text(name, fallback);
            try {
                List<Integer> numbers = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(Integer::valueOf).toList();
                if (numbers.isEmpty() || numbers.stream().anyMatch(n -> n <= 0)) {
                    throw new NumberFormatException("not all positive");
                }
                return numbers;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be positive numbers separated by commas, got " + value, e);
            }
        }
    }
}
