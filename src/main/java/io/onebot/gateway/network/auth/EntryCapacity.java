package io.onebot.gateway.network.auth;

import io.onebot.gateway.config.ServerEntry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many admitted connections each forward entry has open, against its {@code maxConnections}.
 *
 * <p>Two checks read it. Before the upgrade, {@link #hasRoom} lets the servlet filter answer
 * HTTP 503, which costs neither side a WebSocket. At open, {@link #take} reserves a place
 * atomically: that is the hard bound, because handshakes that pass the filter at the same moment
 * could together go past the limit. Each place taken is given back once, when its connection
 * closes. The limit is read from the entry at every check, so a changed {@code maxConnections}
 * applies from the next handshake on; a lower one closes nothing that is open.
 */
final class EntryCapacity {

    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    /** Whether the entry has a free place now (a hint: {@link #take} decides). */
    boolean hasRoom(ServerEntry entry) {
        return count(entry.name()) < entry.maxConnections();
    }

    /** Takes a place of the entry if one is free; false when the entry is full. */
    boolean take(ServerEntry entry) {
        AtomicInteger count = open.computeIfAbsent(entry.name(), name -> new AtomicInteger());
        int limit = entry.maxConnections();
        return count.getAndUpdate(n -> n < limit ? n + 1 : n) < limit;
    }

    /** Gives back a place taken with {@link #take}. */
    void giveBack(String entryName) {
        AtomicInteger count = open.get(entryName);
        if (count != null) {
            count.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    /** The entry's places taken now. */
    int count(String entryName) {
        AtomicInteger count = open.get(entryName);
        return count == null ? 0 : count.get();
    }
}
