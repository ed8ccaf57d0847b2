package io.onebot.gateway.protocol.message;

import jakarta.json.JsonValue;

/** Names the JSON kind of a value for error messages, such as "a number" or "an array". */
final class Describe {

    private Describe() {
    }

    static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
        };
    }
}
