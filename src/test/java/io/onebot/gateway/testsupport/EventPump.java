package io.onebot.gateway.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injects numbered events at a fixed pace on its own thread until closed, so that a test can keep
 * events flowing while it does something else, and then check that each one arrived.
 */
public final class EventPump implements AutoCloseable {

    /** Injects event number {@code n}; throws when the injection fails. */
    @FunctionalInterface
    public interface Injection {
        void inject(int n) throws Exception;
    }

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger injected = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private EventPump(Injection injection, Duration period) {
        thread.scheduleWithFixedDelay(() -> {
            int n = injected.get();
            try {
                injection.inject(n);
                injected.incrementAndGet();
            } catch (Exception e) {
                failures.add("event " + n + ": " + e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts injecting, one event every {@code period}. */
    public static EventPump start(Injection injection, Duration period) {
        return new EventPump(injection, period);
    }

    /** How many events were injected so far: numbers 0 to this, exclusive. */
    public int injected() {
        return injected.get();
    }

    /** The injections that failed. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops injecting and waits for an injection under way to end. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }
}
