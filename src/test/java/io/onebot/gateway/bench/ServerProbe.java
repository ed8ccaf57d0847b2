package io.onebot.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the server process costs, read from outside it: CPU seconds and RSS from {@code /proc},
 * and for a JVM the heap in use right after a full GC through {@code jcmd}. Reading from outside
 * keeps the figures comparable between servers written in different languages.
 */
final class ServerProbe {

    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+)\\s+kB");
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final long pid;
    private final double ticksPerSecond;
    private final boolean heap;

    /**
     * @param pid  the server process, 0 for none
     * @param heap whether to ask the process for its heap after GC (only a JVM answers)
     */
    ServerProbe(long pid, boolean heap) {
        this.pid = pid;
        this.heap = heap;
        this.ticksPerSecond = clockTicks();
    }

    /** Whether there is a process to read. */
    boolean present() {
        return pid > 0 && Files.isReadable(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** User plus system CPU seconds of the process so far, NaN without one. */
    double cpuSeconds() {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident set size in MiB, NaN without a process. */
    double rssMiB() {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            Matcher m = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Heap in use after a full GC in MiB, empty when heap figures are off or the process is no JVM. */
    OptionalDouble heapAfterGcMiB() {
        if (!heap || pid <= 0 || !isJvm()) {
            return OptionalDouble.empty();
        }
        if (jcmd("GC.run") == null) {
            return OptionalDouble.empty();
        }
        String info = jcmd("GC.heap_info");
        if (info == null) {
            return OptionalDouble.empty();
        }
        long usedKiB = 0;
        boolean found = false;
        for (Matcher m = HEAP_USED.matcher(info); m.find(); ) {
            usedKiB += Long.parseLong(m.group(1));
            found = true;
        }
        return found ? OptionalDouble.of(usedKiB / 1024.0) : OptionalDouble.empty();
    }

    /**
     * Whether the process runs a HotSpot JVM. jcmd attaches by sending SIGQUIT, which would kill
     * any other process, so it is never pointed at one.
     */
    private boolean isJvm() {
        try (Stream<String> maps = Files.lines(Path.of("/proc", Long.toString(pid), "maps"))) {
            return maps.anyMatch(line -> line.endsWith("/libjvm.so"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Runs one jcmd command against the process; null when it fails (not a JVM, no jcmd, ...). */
    private String jcmd(String command) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(Files.isExecutable(tool) ? tool.toString() : "jcmd",
                    Long.toString(pid), command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? new String(output, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code getconf CLK_TCK}, or Linux's 100 when it cannot be asked. */
    private static double clockTicks() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
