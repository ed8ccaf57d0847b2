package io.onebot.gateway.core;

import jakarta.json.JsonObject;
import java.util.List;

/** A core facility that accepts events from outside, as the sandbox's control endpoint does. */
public interface EventInjector {

    /**
     * Completes and emits the given events in order, or none of them when any is invalid.
     *
     * @return per event, the message id it was given, or null for events without a message
     * @throws IllegalArgumentException naming the first invalid event and why; nothing is emitted
     */
    List<Integer> inject(List<JsonObject> events);
}
