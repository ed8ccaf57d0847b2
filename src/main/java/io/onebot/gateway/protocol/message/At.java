package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A mention, {@code at}: of one account by its number, or of everyone with {@code all}.
 *
 * @param qq    the account number, or {@code all}; required
 * @param name  the name to show when the account is not in the group
 * @param extra data keys not named here
 */
public record At(String qq, String name, JsonObject extra) implements Segment {

    public static final String TYPE = "at";
    /** The {@code qq} value that mentions everyone. */
    public static final String ALL = "all";

    public At {
        Check.required(qq, TYPE, "qq");
        extra = Check.extra(extra);
    }

    static At read(SegmentData data) {
        return new At(data.required("qq"), data.optional("name"), data.rest());
    }

    /** Whether this mentions everyone rather than one account. */
    public boolean isAll() {
        return ALL.equals(qq);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra).put("qq", qq).put("name", name).build();
    }
}
