package io.onebot.gateway.event;

import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.protocol.event.HeartbeatEvent;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends heartbeat meta events. There is one timer per configuration entry, shared by that entry's
 * event connections as in NapCat: it starts with the entry's first connection and stops with its
 * last, so no timer runs while no event connection is open; a changed interval restarts it. The timers run on the container's
 * managed scheduler.
 */
@ApplicationScoped
public class HeartbeatService {

    private static final Logger LOG = Logger.getLogger(HeartbeatService.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    @Inject
    BotCore core;

    @Inject
    Clock clock;

    private final Map<String, Beat> beats = new HashMap<>();
    private boolean stopped;

    /**
     * Starts heartbeats for the sink, every {@code intervalMillis}; zero or less means none. Once
     * the application is stopping it does nothing: a connection still opening then must not start
     * a timer that nothing would cancel.
     */
    public synchronized void register(EventSink sink, long intervalMillis) {
        if (stopped) {
            return;
        }
        Beat beat = beats.computeIfAbsent(sink.entryName(), name -> new Beat(intervalMillis));
        beat.sinks.add(sink);
        if (beat.timer == null && beat.interval > 0) {
            start(beat);
        }
    }

    /** Stops heartbeats for the sink; the entry's timer stops with its last sink. */
    public synchronized void unregister(EventSink sink) {
        Beat beat = beats.get(sink.entryName());
        if (beat != null && beat.sinks.remove(sink) && beat.sinks.isEmpty()) {
            stop(beat);
            beats.remove(sink.entryName());
        }
    }

    /** Restarts an entry's timer with a changed interval (zero or less stops it), as NapCat does. */
    public synchronized void reschedule(String entryName, long intervalMillis) {
        Beat beat = beats.get(entryName);
        if (beat == null || beat.interval == intervalMillis) {
            return;
        }
        stop(beat);
        beat.interval = intervalMillis;
        if (intervalMillis > 0) {
            start(beat);
        }
    }

    /** The interval of each entry's running timer, by entry name (for diagnostics). */
    public synchronized Map<String, Long> intervals() {
        Map<String, Long> running = new TreeMap<>();
        beats.forEach((entry, beat) -> {
            if (beat.timer != null) {
                running.put(entry, beat.interval);
            }
        });
        return running;
    }

    /** How many heartbeat timers are running. */
    public synchronized int runningTimers() {
        return (int) beats.values().stream().filter(beat -> beat.timer != null).count();
    }

    private void start(Beat beat) {
        beat.timer = scheduler.scheduleAtFixedRate(() -> tick(beat), beat.interval, beat.interval, TimeUnit.MILLISECONDS);
    }

    private static void stop(Beat beat) {
        if (beat.timer != null) {
            beat.timer.cancel(false);
            beat.timer = null;
        }
    }

    private void tick(Beat beat) {
        try {
            long interval = beat.interval;
            HeartbeatEvent event = new HeartbeatEvent(clock.instant().getEpochSecond(), core.selfId(), core.status(),
                    interval);
            String text = EventEncoder.encode(event, MessageFormat.ARRAY);
            for (EventSink sink : beat.sinks) {
                sink.send(text);
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep beating.
            LOG.log(Level.WARNING, "A heartbeat could not be sent", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        beats.values().forEach(HeartbeatService::stop);
        beats.clear();
    }

    /** The timer and sinks of one entry. */
    private static final class Beat {
        final Set<EventSink> sinks = ConcurrentHashMap.newKeySet();
        volatile long interval;
        ScheduledFuture<?> timer;

        Beat(long interval) {
            this.interval = interval;
        }
    }
}
