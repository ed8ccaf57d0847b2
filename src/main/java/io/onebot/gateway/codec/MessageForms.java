package io.onebot.gateway.codec;

import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.message.MessageFormat;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Rewrites a message that arrived as JSON in either OneBot 11 form (a CQ code string, or an array
 * of segments) into the form a client asked for with its {@code messagePostFormat}. Used for
 * events and answers the gateway relays from another implementation, which may post either form.
 * A message that cannot be read is passed on as it came: relaying it unchanged loses less than
 * dropping it.
 */
public final class MessageForms {

    private static final String MESSAGE = "message";
    private static final String MESSAGE_FORMAT = "message_format";

    private MessageForms() {
    }

    /** The message value in the given form. */
    public static JsonValue convert(JsonValue message, MessageFormat format) {
        if (message == null) {
            return null;
        }
        boolean isString = message instanceof JsonString;
        if (format == MessageFormat.STRING ? isString : message instanceof JsonArray) {
            return message;
        }
        try {
            var segments = MessageValues.read(message, MESSAGE);
            return format == MessageFormat.STRING ? Jsonp.createValue(CqCode.encode(segments)) : Segment.array(segments);
        } catch (IllegalArgumentException e) {
            return message;
        }
    }

    /**
     * The object with its {@code message} member in the given form and, when it states one, its
     * {@code message_format} updated to match; every other member as it was.
     */
    public static JsonObject withMessage(JsonObject holder, MessageFormat format) {
        JsonValue message = holder.get(MESSAGE);
        if (message == null || message.getValueType() == JsonValue.ValueType.NULL) {
            return holder;
        }
        JsonValue converted = convert(message, format);
        String form = converted instanceof JsonString ? MessageFormat.STRING.wireName()
                : converted instanceof JsonArray ? MessageFormat.ARRAY.wireName() : null;
        boolean formatStale = form != null && holder.containsKey(MESSAGE_FORMAT)
                && !form.equals(holder.getString(MESSAGE_FORMAT, null));
        if (converted == message && !formatStale) {
            return holder;
        }
        JsonObjectBuilder out = Jsonp.createObjectBuilder(holder).add(MESSAGE, converted);
        if (formatStale) {
            out.add(MESSAGE_FORMAT, form);
        }
        return out.build();
    }
}
