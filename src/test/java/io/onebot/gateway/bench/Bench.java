package io.onebot.gateway.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The load tool: runs the asked-for phases against one OneBot 11 server, prints one table per
 * phase and, with {@code bench.out}, writes every figure to a file for {@link BenchComparison}.
 *
 * <pre>
 * mvn -o -Pbench test-compile exec:exec -Dbench.url=ws://127.0.0.1:3101/ \
 *     -Dbench.pid=&lt;server pid&gt; -Dbench.inject=http://127.0.0.1:3101/sandbox/events
 * </pre>
 *
 * Memory runs first, so the server should be fresh. Every run has a limit; the whole run has
 * one too ({@code bench.runLimitS}), after which the tool exits with status 3.
 */
public final class Bench {

    private final BenchOptions options;
    private final PrintStream out;
    private final ServerProbe server;
    private final Figures figures = new Figures();

    Bench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.server = new ServerProbe(options.pid(), options.heap());
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.from(System::getProperty);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.runLimitSeconds() > 0) {
            Thread watchdog = new Thread(() -> {
                try {
                    TimeUnit.SECONDS.sleep(options.runLimitSeconds());
                    System.err.println("bench: the whole run took longer than " + options.runLimitSeconds() + " s");
                    System.exit(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-run-limit");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        Figures figures = new Bench(options, System.out).run();
        if (!options.out().isEmpty()) {
            figures.write(Path.of(options.out()));
            System.out.println("\nfigures written to " + options.out());
        }
        System.exit(0);
    }

    /** Runs the phases and returns what they measured. */
    Figures run() throws InterruptedException {
        header();
        try (LoadClients clients = new LoadClients(options.token(), options.openParallel())) {
            if (options.runs("memory")) {
                memory(clients);
            }
            if (options.runs("api")) {
                api(clients);
            }
            if (options.injectUrl() == null) {
                if (Stream.of("fanout", "burst", "slow").anyMatch(options::runs)) {
                    out.println("\nfan-out, burst and slow-reader phases skipped: no injection URL (bench.inject)");
                    figures.note("no injection URL: fan-out, burst and slow-reader phases skipped");
                }
                return figures;
            }
            FanoutPhase fanout = new FanoutPhase(clients, server,
                    new EventInjector(options.injectUrl(), options.token()), options.url(), options.limitMillis(),
                    options.selfId());
            if (options.runs("fanout")) {
                fanout(fanout);
            }
            if (options.runs("burst")) {
                burst(fanout);
            }
            if (options.runs("slow")) {
                slow(fanout);
            }
        }
        return figures;
    }

    private void header() {
        Runtime runtime = Runtime.getRuntime();
        String cpu = cpuModel();
        double memGiB = totalMemoryGiB();
        out.printf("# bench %s target %s token %s pid %s%n", Instant.now(), options.url(),
                options.token().isEmpty() ? "none" : "set", options.pid() > 0 ? options.pid() : "-");
        out.printf("# machine: %d cores (%s), %s GiB, java %s, injection %s%n", runtime.availableProcessors(), cpu,
                Table.whole(memGiB), System.getProperty("java.version"),
                options.injectUrl() == null ? "none" : options.injectUrl());
        figures.note("bench " + Instant.now() + " target " + options.url() + " pid " + options.pid());
        figures.note("machine: " + runtime.availableProcessors() + " cores (" + cpu + "), " + Table.whole(memGiB)
                + " GiB, java " + System.getProperty("java.version"));
        if (options.pid() > 0 && !server.present()) {
            out.println("# warning: cannot read /proc/" + options.pid() + ": no CPU or memory figures");
        }
    }

    private void memory(LoadClients clients) throws InterruptedException {
        out.printf("%n(c) memory (measured first, on the server as found): idle event connections on / in steps of %d"
                + " (heap: used after a full GC, JVM servers only)%n", options.memConns());
        if (!server.present()) {
            out.println("skipped: no readable server pid (bench.pid)");
            return;
        }
        List<MemoryPhase.Step> steps = new MemoryPhase(clients, server, options.url(), options.memSettleMillis(),
                options.limitMillis()).run(options.memConns());
        Table table = new Table("conns", "rss MiB", "MiB/1000 conns vs 0", "MiB/1000 conns this step", "heap MiB",
                "heap MiB/1000 vs 0", "note");
        MemoryPhase.Step base = steps.get(0);
        figures.put("memory.0.rss_mib", base.rssMiB());
        figures.put("memory.0.heap_mib", base.heapMiB());
        for (int i = 0; i < steps.size(); i++) {
            MemoryPhase.Step step = steps.get(i);
            double vsZero = step.conns() == 0 ? Double.NaN : (step.rssMiB() - base.rssMiB()) / (step.conns() / 1000.0);
            double thisStep = i == 0 ? Double.NaN : (step.rssMiB() - steps.get(i - 1).rssMiB())
                    / ((step.conns() - steps.get(i - 1).conns()) / 1000.0);
            double heapVsZero = step.conns() == 0 ? Double.NaN
                    : (step.heapMiB() - base.heapMiB()) / (step.conns() / 1000.0);
            table.row(step.conns(), Table.f1(step.rssMiB()), Table.f2(vsZero), Table.f2(thisStep),
                    Table.f1(step.heapMiB()), Table.f2(heapVsZero), step.failed() > 0 ? step.failed() + " failed to open" : "");
            if (i > 0) {
                String prefix = "memory.step" + i + ".";
                figures.put(prefix + "conns", step.conns());
                figures.put(prefix + "rss_mib", step.rssMiB());
                figures.put(prefix + "rss_mib_per_1000_vs_0", vsZero);
                figures.put(prefix + "rss_mib_per_1000_this_step", thisStep);
                figures.put(prefix + "heap_mib", step.heapMiB());
                figures.put(prefix + "heap_mib_per_1000_vs_0", heapVsZero);
                figures.put(prefix + "failed", step.failed());
            }
        }
        table.print(out);
    }

    private void api(LoadClients clients) throws InterruptedException {
        ApiPhase phase = new ApiPhase(clients, server, options.apiUrl(), options.limitMillis());
        if (options.apiWarmup() > 0) {
            int warmConns = Math.min(16, options.apiConns().stream().max(Integer::compare).orElse(16));
            phase.run(warmConns, options.apiWarmup(), options.apiDepth());
        }
        Table table = new Table("conns", "answered", "errors", "req/s", "req/s range", "p50 ms", "p99 ms",
                "srv cpu s/10k", "note");
        for (int conns : options.apiConns()) {
            List<ApiPhase.Run> runs = new ArrayList<>();
            String error = null;
            for (int i = 0; i < options.repeat() && error == null; i++) {
                ApiPhase.Run run = phase.run(conns, options.apiRequests(), options.apiDepth());
                error = run.error();
                runs.add(run);
            }
            if (error != null) {
                table.row(conns, "-", "-", "-", "-", "-", "-", "-", error);
                figures.note("api " + conns + ": " + error);
                continue;
            }
            runs.sort(Comparator.comparingDouble(ApiPhase.Run::requestsPerSecond));
            ApiPhase.Run median = runs.get((runs.size() - 1) / 2);
            String prefix = "api." + conns + ".";
            figures.put(prefix + "answered", median.answered());
            figures.put(prefix + "errors", median.errors());
            figures.put(prefix + "req_per_s", median.requestsPerSecond());
            figures.put(prefix + "p50_ms", median.p50());
            figures.put(prefix + "p99_ms", median.p99());
            figures.put(prefix + "cpu_s_per_10k", median.cpuPer10k());
            table.row(conns, median.answered(), median.errors(), Table.whole(median.requestsPerSecond()),
                    range(runs, ApiPhase.Run::requestsPerSecond), Table.f2(median.p50()), Table.f2(median.p99()),
                    Table.f2(median.cpuPer10k()), median.answered() < median.expected()
                            ? "timeout (" + (median.expected() - median.answered()) + " unanswered)" : "");
        }
        out.printf("%n(a) API round trips: get_status on /api, ~%d requests per run, %d in flight per connection,"
                + " median of %d runs (warm-up %d)%n", options.apiRequests(), options.apiDepth(), options.repeat(),
                options.apiWarmup());
        table.print(out);
    }

    private void fanout(FanoutPhase phase) throws InterruptedException {
        Table table = fanoutTable();
        for (int clients : options.fanoutClients()) {
            int events = options.fanoutEventsFor(clients);
            int repeat = clients >= 10_000 ? 1 : options.repeat();
            List<FanoutPhase.Run> runs = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                FanoutPhase.Run run = phase.run(clients, events, options.fanoutBatch());
                runs.add(run);
                if (run.error() != null) {
                    break;
                }
            }
            runs.sort(Comparator.comparingDouble(FanoutPhase.Run::deliveriesPerSecond));
            FanoutPhase.Run median = runs.get((runs.size() - 1) / 2);
            fanoutRow(table, "fanout." + clients + ".", median, range(runs, FanoutPhase.Run::deliveriesPerSecond));
        }
        out.printf("%n(b) event fan-out: %d message events per run (fewer above %d deliveries per run) injected in"
                + " batches of %d via %s, median of %d runs (1 run at 10000 clients and more)%n",
                options.fanoutEvents(), options.fanoutMaxDeliveries(), options.fanoutBatch(), options.injectUrl(),
                options.repeat());
        table.print(out);
    }

    private void burst(FanoutPhase phase) throws InterruptedException {
        FanoutPhase.Run run = phase.run(options.burstClients(), options.burstEvents(), options.burstEvents());
        Table table = fanoutTable();
        fanoutRow(table, "burst.", run, "-");
        figures.put("burst.exact_clients", run.exactClients());
        figures.put("burst.all_exactly_once", run.error() == null && run.exactClients() == run.clients() ? 1 : 0);
        out.printf("%n(d) burst: %d event connections held, %d events injected in one call; every client must get"
                + " every event exactly once%n", options.burstClients(), options.burstEvents());
        table.print(out);
        out.printf("clients that got every event exactly once: %d of %d%n", run.exactClients(), run.clients());
    }

    private void slow(FanoutPhase phase) throws InterruptedException {
        int clients = options.slowClients();
        int events = options.fanoutEventsFor(clients);
        FanoutPhase.Run without = phase.run(clients, events, options.fanoutBatch());
        double[] rss = {Double.NaN, Double.NaN, Double.NaN};
        NonReadingClient[] nonReader = new NonReadingClient[1];
        FanoutPhase.Run with = phase.run(clients, events, options.fanoutBatch(), () -> {
            nonReader[0] = NonReadingClient.connect(options.url(), options.token());
            rss[0] = server.rssMiB();
        });
        rss[1] = server.rssMiB();
        if (nonReader[0] != null) {
            try {
                nonReader[0].close();
            } catch (IOException e) {
                // the server may have closed it already
            }
        }
        TimeUnit.MILLISECONDS.sleep(options.memSettleMillis());
        rss[2] = server.rssMiB();
        Table table = fanoutTable();
        fanoutRow(table, "slow.without.", without, "-");
        fanoutRow(table, "slow.with.", with, "-");
        double ratio = with.p99() / without.p99();
        figures.put("slow.p99_ratio", ratio);
        figures.put("slow.rss_before_mib", rss[0]);
        figures.put("slow.rss_after_mib", rss[1]);
        figures.put("slow.rss_after_close_mib", rss[2]);
        figures.put("slow.rss_growth_mib", rss[1] - rss[0]);
        out.printf("%n(e) one non-reading client: %d reading clients without, then with one more client that never"
                + " reads; %d events in batches of %d%n", clients, events, options.fanoutBatch());
        table.print(out);
        out.printf("p99 of the readers with the non-reader / without: %s; server RSS MiB when it joined %s, after the"
                + " run %s, after it left %s%n", Table.f2(ratio), Table.f1(rss[0]), Table.f1(rss[1]), Table.f1(rss[2]));
    }

    private static Table fanoutTable() {
        return new Table("clients", "events", "delivered", "deliveries/s", "range", "p50 ms", "p99 ms", "inject s",
                "srv cpu s/100k", "note");
    }

    private void fanoutRow(Table table, String prefix, FanoutPhase.Run run, String range) {
        if (run.error() != null) {
            table.row(run.clients(), run.events(), "-", "-", "-", "-", "-", "-", "-", run.error());
            figures.note(prefix + " " + run.error());
            return;
        }
        List<String> notes = new ArrayList<>();
        if (run.missing() > 0) {
            notes.add(run.missing() + " missing");
        }
        if (run.duplicates() > 0) {
            notes.add(run.duplicates() + " dup");
        }
        if (run.injectError() != null) {
            notes.add("inject: " + run.injectError());
        }
        String note = String.join("; ", notes);
        if (!note.isEmpty()) {
            figures.note(prefix + " " + note);
        }
        figures.put(prefix + "clients", run.clients());
        figures.put(prefix + "events", run.events());
        figures.put(prefix + "delivered", run.delivered());
        figures.put(prefix + "missing", run.missing());
        figures.put(prefix + "duplicates", run.duplicates());
        figures.put(prefix + "deliveries_per_s", run.deliveriesPerSecond());
        figures.put(prefix + "p50_ms", run.p50());
        figures.put(prefix + "p99_ms", run.p99());
        figures.put(prefix + "inject_s", run.injectSeconds());
        figures.put(prefix + "cpu_s_per_100k", run.cpuPer100k());
        table.row(run.clients(), run.events(), run.delivered(), Table.whole(run.deliveriesPerSecond()), range,
                Table.f2(run.p50()), Table.f2(run.p99()), Table.f2(run.injectSeconds()), Table.f2(run.cpuPer100k()),
                note);
    }

    private static <T> String range(List<T> runs, java.util.function.ToDoubleFunction<T> rate) {
        if (runs.size() < 2) {
            return "-";
        }
        double min = runs.stream().mapToDouble(rate).min().orElse(Double.NaN);
        double max = runs.stream().mapToDouble(rate).max().orElse(Double.NaN);
        return Table.whole(min) + "-" + Table.whole(max);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown cpu");
        } catch (IOException e) {
            return "unknown cpu";
        }
    }

    private static double totalMemoryGiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (double) (1L << 30);
        }
        return Double.NaN;
    }
}
