package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A poke, {@code poke}.
 *
 * @param pokeType the poke's type (written as {@code type}), required
 * @param id       the poke's id, required
 * @param name     the poke's name, as received
 * @param extra    data keys not named here
 */
public record Poke(String pokeType, String id, String name, JsonObject extra) implements Segment {

    public static final String TYPE = "poke";

    public Poke {
        Check.required(pokeType, TYPE, "type");
        Check.required(id, TYPE, "id");
        extra = Check.extra(extra);
    }

    static Poke read(SegmentData data) {
        return new Poke(data.required("type"), data.required("id"), data.optional("name"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("type", pokeType).put("id", id).put("name", name).build();
    }
}
