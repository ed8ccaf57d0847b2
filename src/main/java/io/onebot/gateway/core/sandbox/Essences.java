package io.onebot.gateway.core.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The essence (精华) messages of the groups, in the order they were marked. Each entry keeps a copy
 * of the message, so the list stays readable after the message store forgets it. Bounded like the
 * message store: past the capacity the oldest mark is dropped.
 */
final class Essences {

    private final int capacity;
    private final Map<Integer, Essence> byMessage;

    Essences(int capacity) {
        this.capacity = capacity;
        this.byMessage = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Essence> eldest) {
                return size() > Essences.this.capacity;
            }
        };
    }

    /** Marks a message; false when it already is an essence message. */
    synchronized boolean add(Essence essence) {
        return byMessage.putIfAbsent(essence.messageId(), essence) == null;
    }

    /** Unmarks a message, returning its entry if it was marked. */
    synchronized Optional<Essence> remove(int messageId) {
        return Optional.ofNullable(byMessage.remove(messageId));
    }

    synchronized Optional<Essence> get(int messageId) {
        return Optional.ofNullable(byMessage.get(messageId));
    }

    /** A group's essence messages, oldest mark first. */
    synchronized List<Essence> of(long groupId) {
        return byMessage.values().stream().filter(e -> e.groupId() == groupId).toList();
    }
}
