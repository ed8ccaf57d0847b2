package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.protocol.message.Image;
import io.onebot.gateway.protocol.message.Segment;
import io.onebot.gateway.protocol.message.Voice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images and voice records the account has seen in messages, so that {@code get_image} and
 * {@code get_record} can answer for them. The sandbox downloads nothing: a file is known by the
 * {@code file} value its segment carried, and is answered with its URL when the segment had one,
 * otherwise with that value. Bounded like the message store; the oldest entries go first.
 */
final class MediaIndex {

    /** What a media segment pointed at. */
    record Media(String file, String url) {

        /** Where the file can be had: its URL when known, else what the segment said. */
        String location() {
            return url == null || url.isEmpty() ? file : url;
        }
    }

    private final int capacity;
    private final Map<String, Media> images = new LinkedHashMap<>();
    private final Map<String, Media> records = new LinkedHashMap<>();

    MediaIndex(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers the images and records of a message. */
    synchronized void add(List<Segment> message) {
        for (Segment segment : message) {
            if (segment instanceof Image image) {
                put(images, image.file(), image.url());
            } else if (segment instanceof Voice voice) {
                put(records, voice.file(), voice.url());
            }
        }
    }

    private void put(Map<String, Media> index, String file, String url) {
        Media media = new Media(file == null || file.isEmpty() ? url : file, url);
        index.remove(media.file());
        index.put(media.file(), media);
        if (url != null && !url.isEmpty()) {
            index.putIfAbsent(url, media);
        }
        while (index.size() > capacity) {
            index.remove(index.keySet().iterator().next());
        }
    }

    synchronized Optional<Media> image(String file) {
        return Optional.ofNullable(images.get(file));
    }

    synchronized Optional<Media> record(String file) {
        return Optional.ofNullable(records.get(file));
    }
}
