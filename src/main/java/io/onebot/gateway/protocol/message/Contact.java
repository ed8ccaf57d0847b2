package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A recommended contact, {@code contact}.
 *
 * @param contactType {@code qq} for a person or {@code group} (written as {@code type}), required
 * @param id          the account or group number, required
 * @param extra       data keys not named here
 */
public record Contact(String contactType, String id, JsonObject extra) implements Segment {

    public static final String TYPE = "contact";

    public Contact {
        Check.required(contactType, TYPE, "type");
        Check.required(id, TYPE, "id");
        extra = Check.extra(extra);
    }

    static Contact read(SegmentData data) {
        return new Contact(data.required("type"), data.required("id"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("type", contactType).put("id", id).build();
    }
}
