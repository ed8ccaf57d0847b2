package io.onebot.gateway.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, added from the client's I/O threads and read once a run is
 * over. Preallocated to the number of expected samples, so recording allocates nothing.
 */
final class Latencies {

    private final long[] samples;
    private int count;

    Latencies(int capacity) {
        this.samples = new long[capacity];
    }

    /** Records one latency; samples beyond the capacity are not kept. */
    synchronized void add(long nanos) {
        if (count < samples.length) {
            samples[count++] = nanos;
        }
    }

    /** How many samples were kept. */
    synchronized int count() {
        return count;
    }

    /** The p-th percentile (0 to 100) in milliseconds, NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = Math.min(count - 1, (int) Math.floor(p / 100 * count));
        return sorted[index] / 1e6;
    }
}
