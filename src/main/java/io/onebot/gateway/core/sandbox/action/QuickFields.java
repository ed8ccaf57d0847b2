package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.codec.Lenient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the fields of {@code .handle_quick_operation}'s {@code context} and {@code operation}
 * objects with the same leniency as top-level parameters (ids as numbers or numeric strings,
 * booleans also as {@code "true"}/1), every failure a 1400 naming the field, such as
 * {@code context.user_id}.
 */
final class QuickFields {

    private final JsonObject object;
    private final String name;

    QuickFields(JsonObject object, String name) {
        this.object = object;
        this.name = name;
    }

    boolean has(String field) {
        JsonValue value = object.get(field);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    JsonValue raw(String field) {
        return has(field) ? object.get(field) : null;
    }

    String string(String field) {
        JsonValue value = require(field);
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            return text.getString();
        }
        throw invalid(field, "must be a non-empty string, not " + value);
    }

    /** A string, possibly empty, or null when the field is missing or null. */
    String optionalString(String field) {
        JsonValue value = raw(field);
        if (value == null || value instanceof JsonString) {
            return value == null ? null : ((JsonString) value).getString();
        }
        throw invalid(field, "must be a string, not " + value);
    }

    long integer(String field) {
        JsonValue value = require(field);
        OptionalLong number = Lenient.integer(value);
        if (number.isPresent()) {
            return number.getAsLong();
        }
        throw invalid(field, "must be an integer, not " + value);
    }

    int int32(String field) {
        long value = integer(field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(field, "must be a message id (int32), not " + value);
        }
        return (int) value;
    }

    /** A boolean, or {@code absent} when the field is missing or null. */
    Boolean bool(String field, Boolean absent) {
        if (!has(field)) {
            return absent;
        }
        JsonValue value = object.get(field);
        Optional<Boolean> flag = Lenient.bool(value);
        if (flag.isPresent()) {
            return flag.get();
        }
        throw invalid(field, "must be a boolean, not " + value);
    }

    InvalidParamsException invalid(String field, String problem) {
        return new InvalidParamsException(name + "." + field, problem);
    }

    private JsonValue require(String field) {
        if (!has(field)) {
            throw invalid(field, "is required");
        }
        return object.get(field);
    }
}
