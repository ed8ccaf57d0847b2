package io.onebot.gateway.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What this JVM holds that a leak would grow: its live threads (counted, and grouped by name with
 * the numbers taken out, so that {@code pool-3-thread-7} and {@code pool-3-thread-8} are one group)
 * and its open file descriptors ({@code /proc/self/fd}, Linux only, where the build runs): sockets,
 * other handles (pipes, epoll and event descriptors, which selectors hold), and files. Files are
 * counted but are not a leak sign: the class loader opens each jar once, the first time it loads a
 * class from it, and keeps it open. The same class measures the test JVM and, inside the leak
 * probe, the application server, so that every measurement is taken the same way.
 *
 * @param threads         live threads
 * @param threadGroups    live threads by name with every run of digits replaced by {@code #}
 * @param fileDescriptors open file descriptors of any kind
 * @param sockets         open file descriptors that are sockets
 * @param handles         open file descriptors that are neither sockets nor files: pipes, epoll,
 *                        eventfd and other anonymous handles
 */
public record ProcessResources(int threads, Map<String, Integer> threadGroups, int fileDescriptors, int sockets,
                               int handles) {

    private static final Path FD = Path.of("/proc/self/fd");

    /** Measures now. */
    public static ProcessResources now() {
        Map<String, Integer> groups = new TreeMap<>();
        int threads = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive()) {
                threads++;
                groups.merge(group(thread.getName()), 1, Integer::sum);
            }
        }
        List<String> links = descriptors();
        int sockets = (int) links.stream().filter(link -> link.startsWith("socket:")).count();
        int files = (int) links.stream().filter(link -> link.startsWith("/")).count();
        return new ProcessResources(threads, groups, links.size(), sockets, links.size() - sockets - files);
    }

    /** A thread name with every run of digits replaced by {@code #}. */
    public static String group(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
    }

    /**
     * Makes the JDK open what it opens once and keeps for good, so that a baseline taken after
     * this holds it too: the first time a connected socket is closed, the JDK's socket dispatcher
     * opens a socket pair it keeps for every later close.
     */
    public static void openTheJdksOwnDescriptors() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            client.shutdownOutput();
            accepted.shutdownOutput();
        }
    }

    /**
     * Whether this is back to {@code baseline} within the given room.
     *
     * @param threads     how many more live threads may run, in all
     * @param grownGroups how many more threads the thread groups other than the JIT's compiler
     *                    threads may have, together
     * @param sockets     how many more sockets may be open
     * @param handles     how many more pipe/epoll/eventfd handles may be open
     */
    public boolean backTo(ProcessResources baseline, int threads, int grownGroups, int sockets, int handles) {
        return this.sockets <= baseline.sockets + sockets && this.handles <= baseline.handles + handles
                && this.threads <= baseline.threads + threads
                && threadGroupsGrownSince(baseline).values().stream().mapToInt(Integer::intValue).sum() <= grownGroups;
    }

    /**
     * The thread groups that have more threads now than in {@code baseline}, with the difference;
     * the JIT's compiler threads, which the JVM starts and retires on its own, are left out.
     */
    public Map<String, Integer> threadGroupsGrownSince(ProcessResources baseline) {
        Map<String, Integer> grown = new TreeMap<>();
        threadGroups.forEach((group, count) -> {
            int more = count - baseline.threadGroups.getOrDefault(group, 0);
            if (more > 0 && !group.contains("CompilerThread")) {
                grown.put(group, more);
            }
        });
        return grown;
    }

    /** A one-line summary for test output and failure messages. */
    public String summary() {
        return threads + " threads, " + fileDescriptors + " file descriptors (" + sockets + " sockets, " + handles
                + " pipes/epoll/eventfd)";
    }

    /**
     * The open sockets, one line each: {@code tcp 127.0.0.1:8080 -> 127.0.0.1:53422 ESTABLISHED}
     * for a TCP socket, {@code other} for a socket that is not in the TCP tables (Unix domain,
     * netlink, or not yet bound). For telling what grew, when a count did.
     */
    public static List<String> socketDetails() {
        Map<String, String> tcp = new TreeMap<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9) {
                        tcp.put(fields[9], "tcp " + address(fields[1]) + " -> " + address(fields[2]) + " "
                                + state(fields[3]));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // No such table here (IPv6 off, say): its sockets show as "other".
            }
        }
        return descriptors().stream().filter(link -> link.startsWith("socket:"))
                .map(link -> tcp.getOrDefault(link.substring("socket:[".length(), link.length() - 1), "other"))
                .sorted().collect(Collectors.toList());
    }

    /** {@code 0100007F:1F90} (or its 32-digit IPv6 form) as {@code 127.0.0.1:8080}; IPv6 stays in hex. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String host = parts[0];
        if (host.length() == 8 || host.startsWith("0000000000000000FFFF0000")) {
            String v4 = host.substring(host.length() - 8);
            return Integer.parseInt(v4.substring(6, 8), 16) + "." + Integer.parseInt(v4.substring(4, 6), 16) + "."
                    + Integer.parseInt(v4.substring(2, 4), 16) + "." + Integer.parseInt(v4.substring(0, 2), 16) + ":"
                    + port;
        }
        return "[" + host + "]:" + port;
    }

    private static String state(String hex) {
        return switch (Integer.parseInt(hex, 16)) {
            case 1 -> "ESTABLISHED";
            case 2 -> "SYN_SENT";
            case 3 -> "SYN_RECV";
            case 4 -> "FIN_WAIT1";
            case 5 -> "FIN_WAIT2";
            case 6 -> "TIME_WAIT";
            case 7 -> "CLOSE";
            case 8 -> "CLOSE_WAIT";
            case 9 -> "LAST_ACK";
            case 10 -> "LISTEN";
            case 11 -> "CLOSING";
            default -> "state " + hex;
        };
    }

    /** What each descriptor points at ({@code socket:[n]}, {@code pipe:[n]}, a path, ...). */
    private static List<String> descriptors() {
        try (Stream<Path> entries = Files.list(FD)) {
            return entries.map(ProcessResources::target).filter(link -> !link.isEmpty()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + FD + ": file descriptors are counted on Linux only", e);
        }
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            return ""; // closed while listing (the listing's own descriptor, for one)
        }
    }
}
