package io.onebot.gateway.core;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Time limits for calls in flight: the core's own actions and calls relayed upstream. One timer
 * thread serves every deadline; a call that finishes in time cancels its deadline, so nothing is
 * left behind. The same thread runs short tasks that must wait a moment ({@link #later}). Also the
 * source of the gateway's worker threads.
 *
 * <p>The threads come from the container's {@code ManagedThreadFactory}, made once and carrying
 * the application's context, rather than from the managed executors, which capture that context
 * again for every task (on Payara a scan of the server's service registrations each time: more
 * than a call costs). Everything is shut down with the application. Outside a container (unit
 * tests) a plain thread factory stands in.
 */
@ApplicationScoped
public class Deadlines {

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ThreadFactory threads;

    private ScheduledThreadPoolExecutor timer;

    /** For CDI. */
    protected Deadlines() {
    }

    /** Deadlines outside CDI, on plain threads; {@link #stop} ends them. */
    public static Deadlines standalone() {
        Deadlines deadlines = new Deadlines();
        deadlines.start();
        return deadlines;
    }

    @PostConstruct
    void start() {
        timer = new ScheduledThreadPoolExecutor(1, threadFactory());
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** The factory for the gateway's own worker threads: the container's, or a plain one outside it. */
    public ThreadFactory threadFactory() {
        return threads != null ? threads : Executors.defaultThreadFactory();
    }

    /**
     * Completes {@code call} with {@code failure} after {@code timeout} unless it has completed by
     * then, and then runs {@code onExpiry}; when the application is stopping, at once.
     */
    public <T> void bound(CompletableFuture<T> call, Duration timeout, Supplier<? extends Throwable> failure,
                          Runnable onExpiry) {
        Runnable expire = () -> {
            if (call.completeExceptionally(failure.get())) {
                onExpiry.run();
            }
        };
        try {
            ScheduledFuture<?> deadline = timer.schedule(expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
            call.whenComplete((value, thrown) -> deadline.cancel(false));
        } catch (RejectedExecutionException e) {
            if (call.completeExceptionally(new CoreUnavailableException("the gateway is shutting down"))) {
                onExpiry.run();
            }
        }
    }

    /**
     * Runs {@code task} on the timer after {@code delay}; when the application is stopping, at once
     * on the caller's thread. The task must be short: it holds up every deadline while it runs.
     */
    public void later(Duration delay, Runnable task) {
        try {
            timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /** How many deadlines are pending. */
    public int pending() {
        return timer.getQueue().size();
    }

    @PreDestroy
    public void stop() {
        timer.shutdownNow();
    }
}
