package io.onebot.gateway.codec;

import io.onebot.gateway.protocol.action.ActionRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Turns one received frame into an {@link ActionRequest}. */
public final class RequestDecoder {

    private RequestDecoder() {
    }

    /**
     * Decodes {@code {action, params, echo}}. A missing or null {@code params} means no parameters.
     *
     * @throws MalformedRequestException when the text is not a JSON/JSON5 object
     * @throws InvalidRequestException   when it is an object but {@code action} or {@code params}
     *                                   has the wrong shape; carries the echo so the answer can too
     */
    public static ActionRequest decode(String text) throws MalformedRequestException, InvalidRequestException {
        JsonValue value = JsonText.parse(text);
        if (!(value instanceof JsonObject request)) {
            throw new MalformedRequestException("a request must be a JSON object, not " + describe(value));
        }
        JsonValue echo = request.getOrDefault("echo", JsonValue.NULL);
        JsonValue action = request.get("action");
        if (!(action instanceof JsonString name)) {
            throw new InvalidRequestException("'action' must be a string naming the API to call, not "
                    + describe(action), echo);
        }
        JsonValue params = request.getOrDefault("params", JsonValue.NULL);
        if (params.getValueType() == JsonValue.ValueType.NULL) {
            params = JsonValue.EMPTY_JSON_OBJECT;
        } else if (!(params instanceof JsonObject)) {
            throw new InvalidRequestException("'params' must be an object, not " + describe(params), echo);
        }
        return new ActionRequest(name.getString(), (JsonObject) params, echo);
    }

    /** A short English name for a JSON value's type, for error messages. */
    public static String describe(JsonValue value) {
        if (value == null) {
            return "missing";
        }
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}
