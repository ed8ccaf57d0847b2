package io.onebot.gateway.testsupport;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded bad values and the ways of breaking text that the fuzz tests share: JSON values of
 * every type (numbers beyond every integer type, odd strings, message segments of known and
 * unknown types), random text and bytes, edits to a text, invalid UTF-8, documents changed in one
 * place, nesting past the limit. The same seed gives the same values, so that a failure can be
 * replayed. The tag brackets U+27E6 and U+27E7 that {@link BadFrames} marks its echoes with are
 * never generated.
 */
public final class BadValues {

    /** One provider for the whole run: the static Json methods look it up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    /** Opens the tag of a tracked frame's echo. */
    static final char OPEN_TAG = '\u27E6';
    /** Closes the tag of a tracked frame's echo. */
    static final char CLOSE_TAG = '\u27E7';
    /** The deepest nesting the gateway accepts (codec.JsonText.MAX_DEPTH, restated as the contract). */
    public static final int MAX_DEPTH = 512;
    /**
     * The longest number the gateway reads (codec.JsonText.MAX_NUMBER_LENGTH, restated as the
     * contract); longer ones are refused unparsed.
     */
    public static final int MAX_NUMBER_LENGTH = 1100;
    /** Numbers that fit no integer type, or are no integer at all; the longest is at the length limit. */
    private static final String[] HUGE = {"1e999999999", "-1e999999999", "123456789012345678901234567890",
        "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(400), "1" + "0".repeat(MAX_NUMBER_LENGTH - 1),
        "1e-999999999", "0.5", "4.9e-324", "1.7976931348623157e309"};
    /** Characters random text and mutations are made of: JSON syntax, JSON5 syntax, letters, digits, odd ones. */
    private static final String SYNTAX = "{}[]\":,'/*\\ \t\n\r-+.eE0123456789aexnulltruefalseNaNInfinity_\u0000\u001f\u007f"
            + "\u00e9\u4ee4\u2028\u202e\ufeff\ufffd";

    private final SplittableRandom random;
    private final long selfId;
    private final boolean loneSurrogates;

    /**
     * @param seed           the seed; the same seed gives the same values
     * @param selfId         the account the gateway runs as, among the plausible ids
     * @param loneSurrogates whether random text may hold unpaired surrogates (not over a real socket,
     *                       where the client's encoder would refuse them)
     */
    public BadValues(long seed, long selfId, boolean loneSurrogates) {
        this.random = new SplittableRandom(seed);
        this.selfId = selfId;
        this.loneSurrogates = loneSurrogates;
    }

    /**
     * The text as a JSON string literal in ASCII, every other character escaped, cut to
     * {@code max} characters: test reports lose what follows a control character or a line
     * separator.
     */
    public static String printable(String text, int max) {
        String quoted = JSON.createValue(text.length() > max ? text.substring(0, max) : text).toString();
        StringBuilder out = new StringBuilder(quoted.length() + 16);
        for (char c : quoted.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                String hex = Integer.toHexString(c);
                out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
            }
        }
        return text.length() > max ? out + "... (" + text.length() + " characters)" : out.toString();
    }

    /** The text with one to four random edits: characters changed, inserted, deleted, repeated or swapped. */
    public String mutate(String original) {
        StringBuilder text = new StringBuilder(original);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text.setCharAt(at, syntaxChar());
                case 1 -> text.deleteCharAt(at);
                case 2 -> text.insert(at, syntaxChar());
                case 3 -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(20));
                    text.insert(end, text.substring(at, end));
                }
                case 4 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(20)));
                default -> {
                    int other = random.nextInt(text.length());
                    char c = text.charAt(at);
                    text.setCharAt(at, text.charAt(other));
                    text.setCharAt(other, c);
                }
            }
        }
        return text.toString();
    }

    /** The text's UTF-8 bytes with one to three sequences inserted that are not UTF-8. */
    public byte[] breakUtf8(String text) {
        byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] whole = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int insertions = 1 + random.nextInt(3);
        int from = 0;
        for (int i = 0; i < insertions; i++) {
            int at = from + random.nextInt(whole.length - from + 1);
            out.write(whole, from, at - from);
            byte[] bad = broken[random.nextInt(broken.length)];
            out.write(bad, 0, bad.length);
            from = at;
        }
        out.write(whole, from, whole.length - from);
        return out.toByteArray();
    }

    /**
     * The document with one place changed: a value replaced by any other (numbers beyond every
     * integer type and segments among them), a key removed, or an odd key added.
     */
    public JsonValue reshape(JsonValue value) {
        boolean container = value instanceof JsonObject object ? !object.isEmpty()
                : value instanceof JsonArray array && !array.isEmpty();
        if (!container || random.nextInt(4) == 0) {
            return random.nextInt(3) == 0 ? JSON.createValue(new BigDecimal(huge())) : randomValue(2);
        }
        if (value instanceof JsonObject object) {
            List<String> keys = new ArrayList<>(object.keySet());
            String key = pick(keys);
            JsonObjectBuilder changed = JSON.createObjectBuilder(object);
            switch (random.nextInt(6)) {
                case 0 -> changed.remove(key);
                case 1 -> changed.add(randomKey(), randomValue(2));
                default -> changed.add(key, reshape(object.get(key)));
            }
            return changed.build();
        }
        JsonArray array = value.asJsonArray();
        int at = random.nextInt(array.size());
        JsonArrayBuilder changed = JSON.createArrayBuilder();
        for (int i = 0; i < array.size(); i++) {
            if (i != at) {
                changed.add(array.get(i));
            } else if (random.nextInt(5) != 0) {
                changed.add(reshape(array.get(i)));
            }
        }
        return changed.build();
    }

    /** Any JSON value, a few levels deep. */
    public JsonValue anyValue() {
        return randomValue(3);
    }

    /** A message: segments of known and unknown types with odd data, or CQ-code text. */
    public JsonValue anyMessage() {
        return random.nextBoolean() ? segments(2) : randomValue(0);
    }

    /** Random characters, up to {@code maxLength}. */
    public String junkText(int maxLength) {
        return randomText(random.nextInt(maxLength + 1));
    }

    /** Random bytes, up to {@code maxLength}. */
    public byte[] junkBytes(int maxLength) {
        return randomBytes(random.nextInt(maxLength + 1));
    }

    /** JSON text nested deeper than the gateway accepts, up to a few hundred thousand levels. */
    public String deeplyNested() {
        int depth = MAX_DEPTH + 1 + (random.nextBoolean() ? random.nextInt(3) : random.nextInt(100_000));
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** An id the sandbox knows (people, groups, the account), now and then one it does not. */
    public long plausibleId() {
        return pick(List.of(selfId, 20001L, 20002L, 20003L, 20004L, 30001L, 30002L, 1L, 40001L, 0L, -1L));
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** One of the numbers that fit no integer type or are no integer, the longest at the length limit. */
    String huge() {
        return pick(List.of(HUGE));
    }

    /**
     * The text, or, where lone surrogates are not wanted, the text with each one replaced by
     * U+FFFD: cutting, deleting, swapping and repeating characters can split a pair, and a client
     * encoder refuses to send the half.
     */
    String sendable(String text) {
        if (loneSurrogates) {
            return text;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                out = out == null ? new StringBuilder(text) : out;
                out.setCharAt(i, '\ufffd');
            }
        }
        return out == null ? text : out.toString();
    }

    /** Any JSON value, nested up to {@code depth}. */
    JsonValue randomValue(int depth) {
        int choice = random.nextInt(depth > 0 ? 9 : 6);
        return switch (choice) {
            case 0 -> JsonValue.NULL;
            case 1 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            case 2 -> JSON.createValue(new BigDecimal(pick(List.of("0", "-1", "1", "2147483647", "2147483648",
                    "-9223372036854775808", "9223372036854775807", "4294967296", "1e30", "1.5", "-0.0", "1e-7", "1E+2",
                    "1e999999999", "123456789012345678901234567890"))));
            case 3 -> JSON.createValue(pick(List.of("", " ", "0", "-5", "20001", " 30001 ", "+7", "abc", "true", "FALSE",
                    "123456789012345678901234567890", "-9223372036854775808", "0009",
                    "null", "[CQ:face,id=abc]", "[CQ:", "[CQ:at,qq=all]", "[CQ:image,file=]", "&#91;&#93;&amp;", "[CQ:reply,id=-1]",
                    "[CQ:node,id=x]", "\u0000", "令🔑", "\u202e")));
            case 4 -> JSON.createValue(randomName(random.nextInt(60)));
            case 5 -> JSON.createValue(random.nextLong());
            case 6 -> segments(depth - 1);
            case 7 -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array.build();
            }
            default -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.add(randomKey(), randomValue(depth - 1));
                }
                yield object.build();
            }
        };
    }

    /** A message of segments of known and unknown types with plausible and odd data. */
    JsonValue segments(int depth) {
        String[] types = {"text", "face", "image", "record", "video", "at", "reply", "forward", "node", "json", "xml",
            "music", "poke", "dice", "rps", "share", "contact", "location", "markdown", "file", "mface", "shake",
            "anonymous", "no_such_type", ""};
        String[] keys = {"text", "id", "file", "url", "qq", "name", "content", "uin", "nickname", "user_id", "type", "data",
            "title", "audio", "summary", "sub_type", "lat", "lon"};
        JsonArrayBuilder message = JSON.createArrayBuilder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            int shape = random.nextInt(10);
            if (shape == 0) {
                message.add(depth > 0 ? randomValue(depth - 1) : JsonValue.NULL);
                continue;
            }
            JsonObjectBuilder data = JSON.createObjectBuilder();
            for (int k = random.nextInt(4); k > 0; k--) {
                String key = keys[random.nextInt(keys.length)];
                data.add(key, key.equals("content") && depth > 0 ? segments(depth - 1)
                        : depth > 0 && random.nextInt(3) == 0 ? randomValue(depth - 1)
                        : JSON.createValue(pick(List.of("1", "20001", "x", "", "all", "-1", "https://example.invalid/a.png",
                                "base64://AAAA", "file:///nonexistent", "{\"app\":1}"))));
            }
            JsonObjectBuilder segment = JSON.createObjectBuilder();
            segment.add("type", shape == 1 ? JSON.createValue(7) : JSON.createValue(types[random.nextInt(types.length)]));
            if (shape == 2) {
                segment.add("data", "not an object");
            } else if (shape != 3) {
                segment.add("data", data);
            }
            message.add(segment);
        }
        if (random.nextInt(4) == 0) {
            JsonArray array = message.build();
            return array.isEmpty() ? array : array.get(0);
        }
        return message.build();
    }

    String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int choice = random.nextInt(10);
            if (choice < 6) {
                text.append(syntaxChar());
            } else if (choice < 9) {
                text.append((char) (0x20 + random.nextInt(0x5F)));
            } else if (loneSurrogates && random.nextBoolean()) {
                text.append((char) (0xD800 + random.nextInt(0x800)));
            } else {
                text.appendCodePoint(randomCodePoint());
            }
        }
        return text.toString();
    }

    String randomName(int length) {
        StringBuilder name = new StringBuilder(length);
        while (name.length() < length) {
            int choice = random.nextInt(4);
            if (choice == 0) {
                name.append((char) random.nextInt(0x20));
            } else if (choice == 1) {
                name.appendCodePoint(randomCodePoint());
            } else {
                name.append((char) ('a' + random.nextInt(26)));
            }
        }
        return name.toString();
    }

    String randomKey() {
        return random.nextBoolean() ? randomName(1 + random.nextInt(8)) : pick(List.of("echo", "action", "params",
                "__proto__", "constructor", "", "user_id", "message"));
    }

    /** A code point that is neither a surrogate nor one of the tag brackets. */
    private int randomCodePoint() {
        while (true) {
            int cp = random.nextInt(4) == 0 ? 0x10000 + random.nextInt(0x100000) : random.nextInt(0x10000);
            if ((cp < 0xD800 || cp > 0xDFFF) && cp != OPEN_TAG && cp != CLOSE_TAG) {
                return cp;
            }
        }
    }

    private char syntaxChar() {
        return SYNTAX.charAt(random.nextInt(SYNTAX.length()));
    }

    byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
