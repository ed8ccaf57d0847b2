package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.protocol.event.MessageEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The last {@code capacity} messages the account sent or received, by message id. Ids are
 * positive int32 values handed out in sequence from a random start, so that a restarted sandbox
 * does not reuse the ids a client may still remember.
 */
final class MessageStore {

    private final int capacity;
    private final Map<Integer, MessageEvent> messages;
    private int lastId = ThreadLocalRandom.current().nextInt(1, 1 << 30);

    MessageStore(int capacity) {
        this.capacity = capacity;
        this.messages = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, MessageEvent> eldest) {
                return size() > MessageStore.this.capacity;
            }
        };
    }

    /** A fresh message id, never 0 or negative. */
    synchronized int nextId() {
        lastId = lastId == Integer.MAX_VALUE ? 1 : lastId + 1;
        return lastId;
    }

    synchronized void put(MessageEvent message) {
        messages.put(message.messageId(), message);
    }

    synchronized Optional<MessageEvent> get(int messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }

    synchronized Optional<MessageEvent> remove(int messageId) {
        return Optional.ofNullable(messages.remove(messageId));
    }
}
