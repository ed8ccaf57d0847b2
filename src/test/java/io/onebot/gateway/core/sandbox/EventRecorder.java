package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.protocol.event.OneBotEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects every event the core emits, in order, for the sandbox's Weld tests. */
@ApplicationScoped
public class EventRecorder {

    private final List<OneBotEvent> events = new CopyOnWriteArrayList<>();

    public List<OneBotEvent> events() {
        return events;
    }

    void record(@Observes OneBotEvent event) {
        events.add(event);
    }
}
