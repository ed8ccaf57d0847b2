package io.onebot.gateway.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the figures of two bench runs side by side (the gateway's and the reference peer's, taken
 * on the same machine one after the other) with their ratios, then checks the goals of the
 * performance issue against them. Ratios are gateway / peer: below 1 means the gateway uses less.
 *
 * <pre>java ... io.onebot.gateway.bench.BenchComparison gateway.properties peer.properties</pre>
 */
public final class BenchComparison {

    /** A goal: the figure it reads, what it compares, and the ratio it must not exceed. */
    record Goal(String description, String figure, double limit) {
    }

    private final Figures gateway;
    private final Figures peer;

    BenchComparison(Figures gateway, Figures peer) {
        this.gateway = gateway;
        this.peer = peer;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BenchComparison <gateway figures> <peer figures>");
            System.exit(2);
        }
        new BenchComparison(Figures.read(Path.of(args[0])), Figures.read(Path.of(args[1]))).print(System.out);
    }

    void print(PrintStream out) {
        out.println("every figure: gateway, peer, gateway/peer");
        Table all = new Table("figure", "gateway", "peer", "ratio");
        for (String name : gateway.names()) {
            double g = gateway.get(name);
            double p = peer.get(name);
            all.row(name, Table.f2(g), Table.f2(p), Table.f2(g / p));
        }
        all.print(out);
        out.println();
        out.println("goals (ratio = gateway / peer)");
        Table goals = new Table("goal", "gateway", "peer", "ratio", "limit", "met");
        for (Goal goal : goals()) {
            double g = gateway.get(goal.figure());
            double p = peer.get(goal.figure());
            double ratio = g / p;
            goals.row(goal.description(), Table.f2(g), Table.f2(p), Table.f2(ratio), "<= " + Table.f2(goal.limit()),
                    Double.isFinite(ratio) ? (ratio <= goal.limit() ? "yes" : "no") : "not measured");
        }
        double exact = gateway.get("burst.all_exactly_once");
        goals.row("10000 connections, 100-event burst exactly once (gateway)",
                Table.whole(gateway.get("burst.exact_clients")) + " of " + Table.whole(gateway.get("burst.clients")),
                Table.whole(peer.get("burst.exact_clients")) + " of " + Table.whole(peer.get("burst.clients")),
                "-", "all", Double.isNaN(exact) ? "not measured" : exact == 1 ? "yes" : "no");
        double slow = gateway.get("slow.p99_ratio");
        goals.row("999 readers' p99 with one non-reader / without (gateway)", Table.f2(slow),
                Table.f2(peer.get("slow.p99_ratio")), "-", "<= 1.20",
                Double.isFinite(slow) ? (slow <= 1.2 ? "yes" : "no") : "not measured");
        goals.row("server RSS growth during the non-reader run, MiB", Table.f1(gateway.get("slow.rss_growth_mib")),
                Table.f1(peer.get("slow.rss_growth_mib")), "-", "bounded", "see figures");
        goals.print(out);
        for (String note : gateway.notes()) {
            out.println("gateway: " + note);
        }
        for (String note : peer.notes()) {
            out.println("peer: " + note);
        }
    }

    /** The ratio goals of the issue, for the rows this pair of runs has. */
    List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        for (String name : gateway.names()) {
            if (name.startsWith("api.") && name.endsWith(".cpu_s_per_10k")) {
                goals.add(new Goal("server CPU per API round trip, " + between(name) + " conns", name, 0.5));
            }
        }
        for (String name : gateway.names()) {
            if (name.startsWith("fanout.") && name.endsWith(".cpu_s_per_100k") && !name.equals("fanout.1.cpu_s_per_100k")) {
                goals.add(new Goal("server CPU per event delivery, " + between(name) + " clients", name, 0.25));
            }
        }
        goals.add(new Goal("fan-out p99 latency to 1000 clients", "fanout.1000.p99_ms", 0.25));
        goals.add(new Goal("RSS growth per 1000 idle event connections (first step)",
                "memory.step1.rss_mib_per_1000_vs_0", 1.0));
        goals.add(new Goal("RSS growth per 1000 idle event connections (second step)",
                "memory.step2.rss_mib_per_1000_this_step", 1.0));
        return goals;
    }

    private static String between(String name) {
        return name.substring(name.indexOf('.') + 1, name.lastIndexOf('.'));
    }
}
