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

    /** Whether no socket, handle or thread group (other than the JIT's) has grown since {@code baseline}. */
    public boolean backTo(ProcessResources baseline, int threadTolerance) {
        return sockets <= baseline.sockets && handles <= baseline.handles
                && threads <= baseline.threads + threadTolerance
                && threadGroupsGrownSince(baseline).isEmpty();
    }

    /** A thread name with every run of digits replaced by {@code #}. */
    public static String group(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
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
