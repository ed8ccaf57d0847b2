package io.onebot.gateway.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.codec.CqCode;
import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.protocol.event.GenericEvent;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.event.Sender;
import io.onebot.gateway.protocol.message.MessageFormat;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pins down event fan-out: one encoding per message format, self-message filtering, and isolation of failing sinks. */
class EventFanoutTest {

    /** A sink that records every frame it is sent. */
    static class RecordingSink implements EventSink {
        final List<String> frames = new ArrayList<>();
        private final MessageFormat format;
        private final boolean reportSelf;

        RecordingSink(MessageFormat format, boolean reportSelf) {
            this.format = format;
            this.reportSelf = reportSelf;
        }

        @Override
        public String entryName() {
            return "default";
        }

        @Override
        public MessageFormat messageFormat() {
            return format;
        }

        @Override
        public boolean reportSelfMessage() {
            return reportSelf;
        }

        @Override
        public void send(String frame) {
            frames.add(frame);
        }

        JsonObject only() {
            assertEquals(1, frames.size(), () -> "frames: " + frames);
            try (var reader = Json.createReader(new StringReader(frames.get(0)))) {
                return reader.readObject();
            }
        }
    }

    /** A sink whose every send fails. */
    static class BrokenSink extends RecordingSink {
        BrokenSink() {
            super(MessageFormat.ARRAY, true);
        }

        @Override
        public void send(String frame) {
            throw new IllegalStateException("connection gone");
        }
    }

    private final AtomicInteger encodings = new AtomicInteger();
    private final EventFanout fanout = new EventFanout((event, format) -> {
        encodings.incrementAndGet();
        return EventEncoder.encode(event, format);
    });

    private static final List<Segment> SEGMENTS = List.of(
            Segment.text("hello [world] "),
            Segment.face("14"));

    private static MessageEvent privateMessage(boolean self) {
        return new MessageEvent(1_700_000_000L, 10001L, self, MessageEvent.PRIVATE, "friend", 42, self ? 10001L : 20002L,
                null, null, self ? 20002L : null, Sender.of(self ? 10001L : 20002L, "Alice"), SEGMENTS, 0, null);
    }

    private static GenericEvent notice() {
        return new GenericEvent(Json.createObjectBuilder()
                .add("time", 1_700_000_000L)
                .add("self_id", 10001L)
                .add("post_type", "notice")
                .add("notice_type", "group_increase")
                .add("group_id", 123)
                .build());
    }

    private List<RecordingSink> register(int count, MessageFormat format, boolean reportSelf) {
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordingSink sink = new RecordingSink(format, reportSelf);
            fanout.register(sink);
            sinks.add(sink);
        }
        return sinks;
    }

    @Test
    void messageEventIsEncodedOncePerFormat() {
        List<RecordingSink> arraySinks = register(10, MessageFormat.ARRAY, false);
        List<RecordingSink> stringSinks = register(10, MessageFormat.STRING, false);

        fanout.deliver(privateMessage(false));

        assertEquals(2, encodings.get());
        String raw = CqCode.rawMessage(SEGMENTS);
        assertTrue(raw.contains("[CQ:face,id=14]"), raw);
        for (RecordingSink sink : arraySinks) {
            JsonObject event = sink.only();
            assertEquals("message", event.getString("post_type"));
            assertEquals(Segment.array(SEGMENTS), event.getJsonArray("message"));
            assertEquals("array", event.getString("message_format"));
            assertEquals(raw, event.getString("raw_message"));
            assertFalse(event.containsKey("echo"));
        }
        for (RecordingSink sink : stringSinks) {
            JsonObject event = sink.only();
            assertEquals("message", event.getString("post_type"));
            assertEquals(raw, event.getString("message"));
            assertEquals("string", event.getString("message_format"));
            assertEquals(raw, event.getString("raw_message"));
            assertFalse(event.containsKey("echo"));
        }
    }

    @Test
    void eventThatDoesNotDependOnFormatIsEncodedOnce() {
        List<RecordingSink> sinks = new ArrayList<>(register(3, MessageFormat.ARRAY, false));
        sinks.addAll(register(3, MessageFormat.STRING, true));

        fanout.deliver(notice());

        assertEquals(1, encodings.get());
        for (RecordingSink sink : sinks) {
            JsonObject event = sink.only();
            assertEquals(notice().body(), event);
            assertFalse(event.containsKey("echo"));
        }
    }

    @Test
    void selfSentMessageReachesOnlySinksThatAskForIt() {
        List<RecordingSink> wanting = new ArrayList<>(register(2, MessageFormat.ARRAY, true));
        wanting.addAll(register(2, MessageFormat.STRING, true));
        List<RecordingSink> notWanting = new ArrayList<>(register(2, MessageFormat.ARRAY, false));
        notWanting.addAll(register(2, MessageFormat.STRING, false));

        fanout.deliver(privateMessage(true));

        for (RecordingSink sink : wanting) {
            JsonObject event = sink.only();
            assertEquals("message_sent", event.getString("post_type"));
            assertEquals("self", event.getString("message_sent_type"));
            assertEquals(sink.messageFormat().wireName(), event.getString("message_format"));
            assertFalse(event.containsKey("echo"));
        }
        for (RecordingSink sink : notWanting) {
            assertEquals(List.of(), sink.frames);
        }
    }

    @Test
    void receivedMessageReachesEverySinkWhateverItsSelfSetting() {
        RecordingSink wanting = register(1, MessageFormat.ARRAY, true).get(0);
        RecordingSink notWanting = register(1, MessageFormat.ARRAY, false).get(0);

        fanout.deliver(privateMessage(false));

        assertFalse(wanting.only().containsKey("message_sent_type"));
        assertEquals("message", notWanting.only().getString("post_type"));
    }

    @Test
    void failingSinkDoesNotStopDeliveryToOthers() {
        List<RecordingSink> sinks = new ArrayList<>(register(5, MessageFormat.ARRAY, true));
        fanout.register(new BrokenSink());
        sinks.addAll(register(5, MessageFormat.STRING, true));

        fanout.deliver(notice());
        fanout.deliver(privateMessage(false));

        for (RecordingSink sink : sinks) {
            assertEquals(2, sink.frames.size(), () -> "frames: " + sink.frames);
        }
    }

    @Test
    void unregisteredSinkReceivesNothingMore() {
        RecordingSink stays = register(1, MessageFormat.ARRAY, false).get(0);
        RecordingSink leaves = register(1, MessageFormat.ARRAY, false).get(0);
        fanout.deliver(notice());

        fanout.unregister(leaves);
        fanout.deliver(notice());

        assertEquals(1, fanout.size());
        assertEquals(2, stays.frames.size());
        assertEquals(1, leaves.frames.size());
    }

    @Test
    void noSinksMeansNoEncoding() {
        fanout.deliver(privateMessage(false));
        fanout.deliver(notice());

        assertEquals(0, encodings.get());
        assertEquals(0, fanout.size());
    }

    @Test
    void genericEventBodyIsPassedThrough() {
        RecordingSink sink = register(1, MessageFormat.STRING, false).get(0);
        JsonObject body = Json.createObjectBuilder()
                .add("time", 1L).add("self_id", 2L).add("post_type", "request")
                .add("request_type", "friend").add("comment", JsonValue.NULL).build();

        fanout.deliver(new GenericEvent(body));

        assertEquals(body, sink.only());
    }
}
