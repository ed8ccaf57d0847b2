package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.protocol.event.MessageEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The last {@code capacity} messages the account sent or received, by message id and by
 * conversation. Ids are positive int32 values handed out in sequence from a random start, so that
 * a restarted sandbox does not reuse the ids a client may still remember.
 *
 * <p>Ids wrap around at the int32 limit, so they cannot order a history; every stored message
 * also gets a running number that only grows, and each conversation (a group, or the private
 * chat with one person) keeps its messages by that number. Forgetting the oldest message and
 * recalling one both remove it from its conversation too, together with its emoji reactions.
 */
final class MessageStore {

    private final int capacity;
    private final Map<Integer, Entry> messages;
    private final Map<String, NavigableMap<Long, Integer>> conversations = new HashMap<>();
    private int lastId = ThreadLocalRandom.current().nextInt(1, 1 << 30);
    private long lastSequence;

    /** A stored message, its place in its conversation, and who reacted to it with which emoji. */
    private static final class Entry {
        final MessageEvent message;
        final long sequence;
        final Map<String, Set<Long>> likes = new LinkedHashMap<>();

        Entry(MessageEvent message, long sequence) {
            this.message = message;
            this.sequence = sequence;
        }
    }

    MessageStore(int capacity) {
        this.capacity = capacity;
        this.messages = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Entry> eldest) {
                if (size() > MessageStore.this.capacity) {
                    unindex(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * The conversation a message belongs to: {@code group:<id>} for a group message, otherwise
     * {@code private:<peer>} where the peer is the other side, whoever sent it.
     */
    static String conversation(MessageEvent message) {
        if (message.isGroup()) {
            return group(message.groupId());
        }
        return peer(message.self() && message.targetId() != null ? message.targetId() : message.userId());
    }

    static String group(long groupId) {
        return "group:" + groupId;
    }

    static String peer(long userId) {
        return "private:" + userId;
    }

    /** A fresh message id, never 0 or negative. */
    synchronized int nextId() {
        lastId = lastId == Integer.MAX_VALUE ? 1 : lastId + 1;
        return lastId;
    }

    synchronized void put(MessageEvent message) {
        Entry previous = messages.remove(message.messageId());
        if (previous != null) {
            unindex(previous);
        }
        Entry entry = new Entry(message, ++lastSequence);
        messages.put(message.messageId(), entry);
        conversations.computeIfAbsent(conversation(message), c -> new TreeMap<>()).put(entry.sequence, message.messageId());
    }

    synchronized Optional<MessageEvent> get(int messageId) {
        return Optional.ofNullable(messages.get(messageId)).map(e -> e.message);
    }

    synchronized Optional<MessageEvent> remove(int messageId) {
        Entry entry = messages.remove(messageId);
        if (entry == null) {
            return Optional.empty();
        }
        unindex(entry);
        return Optional.of(entry.message);
    }

    /**
     * Up to {@code count} messages of a conversation, oldest first: the latest ones, or, with an
     * anchor, the anchor and the messages before it.
     *
     * @param anchor a message id of that conversation, or null for the latest messages
     * @return the messages, or empty when the anchor is not a stored message of the conversation
     */
    synchronized Optional<List<MessageEvent>> history(String conversation, Integer anchor, int count) {
        NavigableMap<Long, Integer> ids = conversations.getOrDefault(conversation, new TreeMap<>());
        NavigableMap<Long, Integer> upTo = ids;
        if (anchor != null) {
            Entry at = messages.get(anchor);
            if (at == null || !conversation(at.message).equals(conversation)) {
                return Optional.empty();
            }
            upTo = ids.headMap(at.sequence, true);
        }
        List<MessageEvent> newestFirst = new ArrayList<>(Math.min(count, upTo.size()));
        for (Integer id : upTo.descendingMap().values()) {
            if (newestFirst.size() == count) {
                break;
            }
            newestFirst.add(messages.get(id).message);
        }
        List<MessageEvent> oldestFirst = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            oldestFirst.add(newestFirst.get(i));
        }
        return Optional.of(oldestFirst);
    }

    /**
     * Adds or takes back one person's reaction with an emoji on a stored message.
     *
     * @return how many people now react with that emoji, or empty when nothing changed (already
     *         there, or not there to take back); a missing message throws
     */
    synchronized OptionalInt react(int messageId, String emojiId, long userId, boolean add) {
        Entry entry = messages.get(messageId);
        if (entry == null) {
            throw new IllegalArgumentException("message " + messageId + " is not stored");
        }
        Set<Long> people = entry.likes.computeIfAbsent(emojiId, e -> new LinkedHashSet<>());
        boolean changed = add ? people.add(userId) : people.remove(userId);
        int count = people.size();
        if (people.isEmpty()) {
            entry.likes.remove(emojiId);
        }
        return changed ? OptionalInt.of(count) : OptionalInt.empty();
    }

    private void unindex(Entry entry) {
        String key = conversation(entry.message);
        NavigableMap<Long, Integer> ids = conversations.get(key);
        if (ids != null) {
            ids.remove(entry.sequence);
            if (ids.isEmpty()) {
                conversations.remove(key);
            }
        }
    }
}
