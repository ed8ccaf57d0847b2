package io.onebot.gateway.core.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The merged forwards the account sent, by their {@code res_id}, bounded like the message store:
 * the oldest is forgotten first. A forward keeps copies of its nodes, so it stays readable after
 * the messages it was built from are recalled or forgotten, as on QQ.
 *
 * <p>A {@code res_id} is never all digits, so that {@code get_forward_msg} can tell it apart
 * from a message id.
 */
final class ForwardStore {

    private final int capacity;
    private final Map<String, Forwarded> forwards;

    ForwardStore(int capacity) {
        this.capacity = capacity;
        this.forwards = new LinkedHashMap<>(Math.min(capacity, 256), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Forwarded> eldest) {
                return size() > ForwardStore.this.capacity;
            }
        };
    }

    /** Stores a forward under a fresh {@code res_id} and returns the id. */
    synchronized String put(Forwarded forward) {
        String resId;
        do {
            resId = "fwd" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        } while (forwards.containsKey(resId));
        forwards.put(resId, Objects.requireNonNull(forward, "forward"));
        return resId;
    }

    synchronized Optional<Forwarded> get(String resId) {
        return Optional.ofNullable(forwards.get(resId));
    }
}
