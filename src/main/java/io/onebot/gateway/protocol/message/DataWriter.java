package io.onebot.gateway.protocol.message;

import io.onebot.gateway.protocol.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Builds the {@code data} object of a segment: the modelled fields in their declared order, then
 * the extra keys the client sent. A field without a value is left out rather than written as null,
 * as NapCat does; a modelled field wins over an extra key of the same name.
 */
final class DataWriter {

    private final JsonObjectBuilder data = Jsonp.createObjectBuilder();
    private final JsonObject extra;

    private DataWriter(JsonObject extra) {
        this.extra = extra;
    }

    /** Starts a data object that ends with these extra keys. */
    static DataWriter with(JsonObject extra) {
        return new DataWriter(extra);
    }

    DataWriter put(String key, String value) {
        if (value != null) {
            data.add(key, value);
        }
        return this;
    }

    DataWriter put(String key, JsonValue value) {
        if (value != null) {
            data.add(key, value);
        }
        return this;
    }

    JsonObject build() {
        JsonObject fields = data.build();
        JsonObjectBuilder all = Jsonp.createObjectBuilder(fields);
        extra.forEach((key, value) -> {
            if (!fields.containsKey(key)) {
                all.add(key, value);
            }
        });
        return all.build();
    }
}
