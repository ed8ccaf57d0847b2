package io.onebot.gateway.event;

import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.protocol.event.OneBotEvent;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends every event the core emits to every registered sink. Each event is encoded at most once
 * per message format, however many sinks there are; messages the bot sent itself reach only
 * sinks that asked for them. A sink that fails affects nobody else.
 */
@ApplicationScoped
public class EventFanout {

    private static final Logger LOG = Logger.getLogger(EventFanout.class.getName());

    private final Set<EventSink> sinks = ConcurrentHashMap.newKeySet();
    private final BiFunction<OneBotEvent, MessageFormat, String> encoder;

    /** The fan-out with the wire encoder. */
    public EventFanout() {
        this(EventEncoder::encode);
    }

    /** A fan-out with another encoder, so that tests can count encodings. */
    EventFanout(BiFunction<OneBotEvent, MessageFormat, String> encoder) {
        this.encoder = encoder;
    }

    /** Starts delivering events to the sink. */
    public void register(EventSink sink) {
        sinks.add(sink);
    }

    /** Stops delivering events to the sink. */
    public void unregister(EventSink sink) {
        sinks.remove(sink);
    }

    /** How many sinks are registered. */
    public int size() {
        return sinks.size();
    }

    /** Delivers one event; called by CDI for every event the core fires. */
    public void deliver(@Observes OneBotEvent event) {
        boolean selfMessage = EventEncoder.isSelfMessage(event);
        boolean formatted = EventEncoder.dependsOnFormat(event);
        String[] encoded = new String[MessageFormat.values().length];
        for (EventSink sink : sinks) {
            if (selfMessage && !sink.reportSelfMessage()) {
                continue;
            }
            MessageFormat format = formatted ? sink.messageFormat() : MessageFormat.ARRAY;
            String text = encoded[format.ordinal()];
            if (text == null) {
                text = encoder.apply(event, format);
                encoded[format.ordinal()] = text;
            }
            try {
                sink.send(text);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "An event sink of entry " + sink.entryName() + " failed");
            }
        }
    }
}
