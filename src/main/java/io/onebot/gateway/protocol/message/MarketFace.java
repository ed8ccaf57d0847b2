package io.onebot.gateway.protocol.message;

import jakarta.json.JsonObject;

/**
 * A sticker from the QQ sticker store, {@code mface} (NapCat).
 *
 * @param emojiPackageId the sticker pack's id, required
 * @param emojiId        the sticker's id, required
 * @param key            the sticker's key, required
 * @param summary        the sticker's text, such as {@code [doge]}
 * @param extra          data keys not named here
 */
public record MarketFace(String emojiPackageId, String emojiId, String key, String summary,
                         JsonObject extra) implements Segment {

    public static final String TYPE = "mface";

    public MarketFace {
        Check.required(emojiPackageId, TYPE, "emoji_package_id");
        Check.required(emojiId, TYPE, "emoji_id");
        Check.required(key, TYPE, "key");
        extra = Check.extra(extra);
    }

    static MarketFace read(SegmentData data) {
        return new MarketFace(data.required("emoji_package_id"), data.required("emoji_id"), data.required("key"),
                data.optional("summary"), data.rest());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject data() {
        return DataWriter.with(extra)
                .put("emoji_package_id", emojiPackageId)
                .put("emoji_id", emojiId)
                .put("key", key)
                .put("summary", summary)
                .build();
    }
}
