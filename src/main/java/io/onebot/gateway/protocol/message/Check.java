package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The checks the segment records share in their constructors. */
final class Check {

    private Check() {
    }

    /** The value, if it is present and not empty. */
    static String required(String value, String type, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(type + "." + field + " is required");
        }
        return value;
    }

    /** The extra data, with {@code null} meaning none. */
    static JsonObject extra(JsonObject extra) {
        return extra == null ? JsonValue.EMPTY_JSON_OBJECT : extra;
    }
}
