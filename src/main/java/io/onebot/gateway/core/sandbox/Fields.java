package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.codec.Lenient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.OptionalLong;

/**
 * Reads the fields of JSON bodies sent to the sandbox from outside (injected events, control
 * requests), failing with a message that names the field. Ids may come as numbers or as decimal
 * strings, as clients send both.
 */
final class Fields {

    private Fields() {
    }

    static String string(JsonObject object, String key) {
        if (object.get(key) instanceof JsonString value) {
            return value.getString();
        }
        if (!object.containsKey(key)) {
            throw missing(key);
        }
        throw new IllegalArgumentException(key + " must be a string, not " + object.get(key));
    }

    static String string(JsonObject object, String key, String otherwise) {
        return present(object, key) ? string(object, key) : otherwise;
    }

    static long integer(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null) {
            throw missing(key);
        }
        OptionalLong number = Lenient.integer(value);
        if (number.isPresent()) {
            return number.getAsLong();
        }
        throw new IllegalArgumentException(key + " must be an integer, not " + value);
    }

    static long integer(JsonObject object, String key, long otherwise) {
        return present(object, key) ? integer(object, key) : otherwise;
    }

    /** Whether the key is there with a value other than JSON null. */
    static boolean present(JsonObject object, String key) {
        return object.containsKey(key) && object.get(key).getValueType() != JsonValue.ValueType.NULL;
    }

    static IllegalArgumentException missing(String key) {
        return new IllegalArgumentException(key + " is required");
    }
}
