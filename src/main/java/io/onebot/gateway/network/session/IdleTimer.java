package io.onebot.gateway.network.session;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Switches off Tyrus's per-session idle timer, the one Tyrus-specific piece of the session layer.
 *
 * <p>Why: the gateway has no idle timeout (NapCat has none; heartbeats keep connections busy), yet
 * the Tyrus that Payara ships re-arms the timer on every frame received and every frame sent, even
 * when no timeout is set, by scheduling a task on the container's managed scheduler; and Payara's
 * managed scheduler captures the caller's context for each task by scanning every jar of the
 * server for thread-context providers. Measured with JFR under load, that was about two thirds of
 * the gateway's CPU on both the API and the event path. The Jakarta WebSocket API offers no way to
 * turn the timer off ({@code setMaxIdleTimeout(-1)} still schedules), so this class gives the Tyrus
 * session a scheduler that schedules nothing.
 *
 * <p>Portable fallback: on any other implementation (Undertow on WildFly), or should Tyrus change
 * its internals, nothing is touched and the standard {@code setMaxIdleTimeout} stays in charge.
 */
final class IdleTimer {

    private static final Logger LOG = Logger.getLogger(IdleTimer.class.getName());
    private static final String TYRUS_SESSION = "org.glassfish.tyrus.core.TyrusSession";
    private static final String SCHEDULER_FIELD = "service";

    private IdleTimer() {
    }

    /** Stops the session's runtime from timing it out or re-arming a timer per frame, where it can. */
    static void disable(Session session) {
        Field field = schedulerField(session.getClass());
        if (field == null) {
            return;
        }
        try {
            field.set(session, Never.INSTANCE);
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "The Tyrus idle timer stays on", e);
        }
    }

    private static Field schedulerField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(TYRUS_SESSION)) {
                try {
                    Field field = c.getDeclaredField(SCHEDULER_FIELD);
                    if (!ScheduledExecutorService.class.isAssignableFrom(field.getType())) {
                        return null;
                    }
                    field.setAccessible(true);
                    return field;
                } catch (NoSuchFieldException | RuntimeException e) {
                    LOG.log(Level.FINE, "No Tyrus idle timer to switch off", e);
                    return null;
                }
            }
        }
        return null;
    }

    /** A scheduler that never runs what it is given: every task is cancelled on arrival. */
    static final class Never extends AbstractExecutorService implements ScheduledExecutorService {

        static final Never INSTANCE = new Never();

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return Cancelled.INSTANCE;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return (ScheduledFuture<V>) Cancelled.INSTANCE;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return Cancelled.INSTANCE;
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return Cancelled.INSTANCE;
        }

        @Override
        public void execute(Runnable command) {
            // Nothing is ever run.
        }

        @Override
        public void shutdown() {
            // Shared and stateless: nothing to shut down.
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }

    /** The future of a task that will never run. */
    private static final class Cancelled implements ScheduledFuture<Object> {

        static final Cancelled INSTANCE = new Cancelled();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            throw new java.util.concurrent.CancellationException("never scheduled");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new java.util.concurrent.CancellationException("never scheduled");
        }
    }
}
