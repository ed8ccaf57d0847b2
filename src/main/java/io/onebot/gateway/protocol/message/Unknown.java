package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A segment of a type this model has no record for, kept exactly as it came so that it reaches
 * the core, and comes back in events, instead of failing the whole message. New NapCat segment
 * types ({@code miniapp}, {@code onlinefile}, ...) pass through this way.
 *
 * @param type the segment type, not blank and not one of {@link Segment#KNOWN_TYPES}
 * @param data the data as received (scalars as strings), never {@code null}
 */
public record Unknown(String type, JsonObject data) implements Segment {

    public Unknown {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("segment type must be a non-empty string");
        }
        if (Segment.KNOWN_TYPES.contains(type)) {
            throw new IllegalArgumentException("'" + type + "' is a known segment type; read it with Segment.read");
        }
        data = Check.extra(data);
    }

    /** Everything is extra here: the whole data object. */
    @Override
    public JsonObject extra() {
        return data;
    }
}
