package io.onebot.gateway.action;

import io.onebot.gateway.config.Settings;
import io.onebot.gateway.core.ActionTimeoutException;
import io.onebot.gateway.core.CoreUnavailableException;
import io.onebot.gateway.core.Deadlines;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs the core's actions off the connection's receiving thread, each within
 * {@code onebot.actionTimeout}.
 *
 * <p>Why: a WebSocket runtime delivers one session's frames one after another, so an action that
 * hangs on the receiving thread would hold up every later request on that socket. Here each call
 * runs on a worker; at its deadline the caller is answered 1504 and the worker interrupted,
 * whatever the action does next. The deadline counts from the moment the frame was read, so calls
 * waiting for a free worker are bounded too. The workers come from {@link Deadlines#threadFactory}
 * (the container's managed thread factory) and stop with the application.
 */
@ApplicationScoped
public class ActionExecutor {

    /** Workers running actions at once; more calls wait in line, each within its own deadline. */
    public static final int WORKERS = 32;

    private static final Logger LOG = Logger.getLogger(ActionExecutor.class.getName());

    @Inject
    Settings settings;

    @Inject
    Deadlines deadlines;

    /** The time limit of an executor made outside CDI, which has no settings to read it from. */
    private Duration fixedTimeout;
    private ThreadPoolExecutor workers;

    /** For CDI. */
    protected ActionExecutor() {
    }

    /** An executor outside CDI, with the given time limit per call. */
    public static ActionExecutor standalone(Deadlines deadlines, Duration timeout) {
        ActionExecutor executor = new ActionExecutor();
        executor.deadlines = deadlines;
        executor.fixedTimeout = timeout;
        executor.start();
        return executor;
    }

    @PostConstruct
    void start() {
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                deadlines.threadFactory());
        workers.allowCoreThreadTimeOut(true);
    }

    /** The time limit in force now. */
    public Duration timeout() {
        return settings != null ? settings.current().actionTimeout() : fixedTimeout;
    }

    /**
     * Runs {@code work} on a worker. The result completes with its value or exception, or with an
     * {@link ActionTimeoutException} at the deadline, or at once with a
     * {@link CoreUnavailableException} when the application is stopping.
     */
    public <T> CompletableFuture<T> run(String action, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> task;
        try {
            task = workers.submit(() -> {
                try {
                    result.complete(work.get());
                } catch (Throwable failure) {
                    result.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new CoreUnavailableException("the gateway is shutting down"));
            return result;
        }
        long millis = timeout().toMillis();
        deadlines.bound(result, Duration.ofMillis(millis),
                () -> new ActionTimeoutException(action + " did not finish within " + millis + " ms"),
                () -> {
                    task.cancel(true);
                    LOG.warning(() -> "Action " + action + " did not finish within " + millis
                            + " ms (onebot.actionTimeout): its caller was answered 1504 and the action interrupted");
                });
        return result;
    }

    /** How many calls run or wait now. */
    public int pending() {
        return workers.getActiveCount() + workers.getQueue().size();
    }

    @PreDestroy
    public void stop() {
        workers.shutdownNow();
    }
}
