package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * An XML card, {@code xml}.
 *
 * @param xml   the XML text (written as {@code data}), required
 * @param extra data keys not named here
 */
public record XmlCard(String xml, JsonObject extra) implements Segment {

    public static final String TYPE = "xml";

    public XmlCard {
        Check.required(xml, TYPE, "data");
        extra = Check.extra(extra);
    }

    static XmlCard read(SegmentData data) {
        return new XmlCard(data.required("data"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("data", xml).build();
    }
}
