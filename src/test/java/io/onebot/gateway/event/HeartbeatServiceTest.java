package io.onebot.gateway.event;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.core.ActionHandler;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.protocol.event.BotStatus;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pins down heartbeat timers: one per entry, started by the first sink and stopped with the last, with the right event body. */
@EnableWeld
class HeartbeatServiceTest {

    private static final long NOW = 1_700_000_000L;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** The beans HeartbeatService needs: a fixed clock and a core that is online as account 777. */
    static class TestProducers {

        @Produces
        BotCore core() {
            return new BotCore() {
                @Override
                public long selfId() {
                    return 777L;
                }

                @Override
                public String nickname() {
                    return "Heart";
                }

                @Override
                public BotStatus status() {
                    return new BotStatus(true, true);
                }

                @Override
                public Collection<ActionHandler<?, ?>> actions() {
                    return List.of();
                }
            };
        }

        @Produces
        Clock clock() {
            return Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        }
    }

    /** A sink collecting its frames in a queue, for the scheduler thread to fill. */
    static final class QueueSink implements EventSink {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final String entry;

        QueueSink(String entry) {
            this.entry = entry;
        }

        @Override
        public String entryName() {
            return entry;
        }

        @Override
        public MessageFormat messageFormat() {
            return MessageFormat.ARRAY;
        }

        @Override
        public boolean reportSelfMessage() {
            return false;
        }

        @Override
        public void send(String frame) {
            frames.add(frame);
        }

        JsonObject next() throws InterruptedException {
            String frame = frames.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(frame, "no heartbeat arrived");
            try (var reader = Json.createReader(new StringReader(frame))) {
                return reader.readObject();
            }
        }
    }

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(1);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(HeartbeatService.class, TestProducers.class)
            .bindResource("java:comp/DefaultManagedScheduledExecutorService", executor)
            .build();

    @Inject
    HeartbeatService heartbeats;

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** Waits until every task already running or due on the single scheduler thread has finished. */
    private void drainScheduler() throws Exception {
        executor.submit(() -> { }).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void noTimerRunsBeforeAnySink() {
        assertEquals(0, heartbeats.runningTimers());
    }

    @Test
    void firstSinkStartsOneTimerAndHeartbeatsArrive() throws Exception {
        QueueSink sink = new QueueSink("default");

        heartbeats.register(sink, 100);

        assertEquals(1, heartbeats.runningTimers());
        for (int i = 0; i < 2; i++) {
            JsonObject beat = sink.next();
            assertEquals("meta_event", beat.getString("post_type"));
            assertEquals("heartbeat", beat.getString("meta_event_type"));
            assertEquals(100, beat.getJsonNumber("interval").longValueExact());
            assertEquals(777L, beat.getJsonNumber("self_id").longValueExact());
            assertEquals(Json.createObjectBuilder().add("online", true).add("good", true).build(),
                    beat.getJsonObject("status"));
            JsonNumber time = assertInstanceOf(JsonNumber.class, beat.get("time"));
            assertTrue(time.isIntegral(), time::toString);
            assertEquals(NOW, time.longValueExact());
        }
    }

    @Test
    void sinksOfOneEntryShareOneTimer() throws Exception {
        QueueSink first = new QueueSink("default");
        QueueSink second = new QueueSink("default");
        QueueSink elsewhere = new QueueSink("other");

        heartbeats.register(first, 100);
        heartbeats.register(second, 100);
        assertEquals(1, heartbeats.runningTimers());
        heartbeats.register(elsewhere, 100);
        assertEquals(2, heartbeats.runningTimers());

        assertEquals("heartbeat", first.next().getString("meta_event_type"));
        assertEquals("heartbeat", second.next().getString("meta_event_type"));
        assertEquals("heartbeat", elsewhere.next().getString("meta_event_type"));

        heartbeats.unregister(first);
        assertEquals(2, heartbeats.runningTimers());
        second.frames.clear();
        assertEquals("heartbeat", second.next().getString("meta_event_type"));
    }

    @Test
    void lastSinkLeavingStopsTheTimerAndTheHeartbeats() throws Exception {
        QueueSink first = new QueueSink("default");
        QueueSink second = new QueueSink("default");
        heartbeats.register(first, 100);
        heartbeats.register(second, 100);
        first.next();
        second.next();

        heartbeats.unregister(first);
        heartbeats.unregister(second);
        drainScheduler();
        int firstCount = first.frames.size();
        int secondCount = second.frames.size();

        assertEquals(0, heartbeats.runningTimers());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> first.frames.size() == firstCount && second.frames.size() == secondCount);
    }

    @Test
    void stoppingCancelsEveryTimerAndASinkArrivingAfterwardsStartsNone() throws Exception {
        QueueSink sink = new QueueSink("default");
        heartbeats.register(sink, 100);
        sink.next();

        heartbeats.stop();
        // A connection that was still opening while the application stopped.
        QueueSink late = new QueueSink("late");
        heartbeats.register(late, 100);

        assertEquals(0, heartbeats.runningTimers());
        drainScheduler();
        assertEquals(0, ((ScheduledThreadPoolExecutor) executor).getQueue().stream()
                .filter(task -> !((Future<?>) task).isCancelled()).count(), "no task is left to run");
        assertNull(late.frames.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void zeroOrNegativeIntervalStartsNothing() throws Exception {
        QueueSink sink = new QueueSink("default");

        heartbeats.register(sink, 0);
        heartbeats.register(sink, -1);

        assertEquals(0, heartbeats.runningTimers());
        assertNull(sink.frames.poll(300, TimeUnit.MILLISECONDS));
        heartbeats.unregister(sink);
        assertEquals(0, heartbeats.runningTimers());
    }
}
