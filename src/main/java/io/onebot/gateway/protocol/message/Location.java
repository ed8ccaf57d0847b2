package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A location, {@code location}.
 *
 * @param lat     the latitude, required
 * @param lon     the longitude, required
 * @param title   a title
 * @param content a description
 * @param extra   data keys not named here
 */
public record Location(String lat, String lon, String title, String content, JsonObject extra) implements Segment {

    public static final String TYPE = "location";

    public Location {
        Check.required(lat, TYPE, "lat");
        Check.required(lon, TYPE, "lon");
        extra = Check.extra(extra);
    }

    static Location read(SegmentData data) {
        return new Location(data.required("lat"), data.required("lon"), data.optional("title"),
                data.optional("content"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra)
                .put("lat", lat)
                .put("lon", lon)
                .put("title", title)
                .put("content", content)
                .build();
    }
}
