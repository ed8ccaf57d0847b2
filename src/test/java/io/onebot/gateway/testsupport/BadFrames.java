package io.onebot.gateway.testsupport;

import io.onebot.gateway.action.ActionDispatcher;
import io.onebot.gateway.testsupport.ActionShape.Param;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A seeded generator of request frames a careless or hostile client might send, each with what
 * the gateway must answer. The same seed gives the same frames, so a failure can be replayed.
 *
 * <p>A <em>tracked</em> frame carries an echo that starts with a tag {@code ⟦n⟧} (or, for
 * non-string echoes, an array whose first element is the tag) and its answer is found by that
 * echo. An untracked frame (text that is not a request, a truncated or mutated request) cannot be
 * matched by echo; its answer is only counted. No frame that is mutated or randomly generated
 * ever contains the tag brackets, so a tagged echo always belongs to the frame that carried it.
 */
public final class BadFrames {

    /** What a frame tries. */
    public enum Kind {
        /** A well-formed call with a known answer. */
        VALID,
        /** A well-formed call sent as a binary frame. */
        BINARY_REQUEST,
        /** Random characters. */
        RANDOM_TEXT,
        /** Random bytes in a binary frame. */
        RANDOM_BYTES,
        /** A request cut short. */
        TRUNCATED,
        /** A request with a few characters changed, inserted, deleted or repeated. */
        MUTATED,
        /** A request in a binary frame with bytes that are not UTF-8. */
        INVALID_UTF8,
        /** Arrays and objects nested around the depth limit and far beyond it. */
        DEEP_NESTING,
        /** Numbers beyond every integer type, in parameters and in the echo. */
        HUGE_NUMBERS,
        /** The same key more than once. */
        DUPLICATE_KEYS,
        /** One parameter of an action given a value of a type it cannot take. */
        WRONG_TYPES,
        /** Every parameter of an action given a plausible, random or no value. */
        RANDOM_PARAMS,
        /** An echo of one mebibyte. */
        HUGE_ECHO,
        /** A missing, empty or ill-typed {@code action} or {@code params}, or no object at all. */
        BAD_ENVELOPE,
        /** Action names with odd characters, odd case, odd suffixes or odd length. */
        ODD_NAMES
    }

    /** Says what is wrong with an answer, or null when nothing is. */
    @FunctionalInterface
    public interface Check {
        String problem(JsonObject answer);

        Check NONE = answer -> null;
    }

    /**
     * One frame to send.
     *
     * @param kind     what it tries
     * @param text     the text frame, or null for a binary one
     * @param binary   the binary frame, or null for a text one
     * @param tag      the echo tag of a tracked frame, or null
     * @param echo     the echo the answer must carry (tracked frames only)
     * @param retcodes the return codes allowed
     * @param check    what else the answer must satisfy
     */
    public record Frame(Kind kind, String text, byte[] binary, String tag, JsonValue echo, Set<Integer> retcodes,
                        Check check) {

        public boolean tracked() {
            return tag != null;
        }

        /** Its length in characters or bytes. */
        public int length() {
            return text != null ? text.length() : binary.length;
        }

        /** A short description for failure messages. */
        public String describe() {
            String body = text != null ? printable(text, 300) : "binary " + binary.length + " bytes: "
                    + printable(new String(binary, 0, Math.min(binary.length, 200), StandardCharsets.ISO_8859_1), 200);
            return kind + (tag == null ? "" : " " + tag) + " " + body;
        }
    }

    /** A call whose successful answer is known. */
    private record Probe(String action, Check data) {
    }

    /** One provider for the whole run: the static Json methods look it up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final char OPEN_TAG = '\u27E6';
    private static final char CLOSE_TAG = '\u27E7';
    private static final Set<Integer> OK = Set.of(0);
    private static final Set<Integer> BAD = Set.of(1400);
    private static final Set<Integer> UNKNOWN = Set.of(1404);
    private static final Set<Integer> NOT_UNKNOWN = Set.of(0, 1400, 1200);
    private static final Set<Integer> NOT_OK = Set.of(1400, 1404);
    private static final Set<Integer> ANY = Set.of(0, 1400, 1404, 1200);
    private static final String[] SUFFIXES = {"_async", "_rate_limited"};
    /** The deepest nesting the gateway accepts (codec.JsonText.MAX_DEPTH, restated as the contract). */
    public static final int MAX_DEPTH = 512;
    private static final int MEBIBYTE = 1024 * 1024;
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
    private final List<ActionShape> shapes;
    private final Set<String> names;
    private final List<Probe> probes;
    private final boolean loneSurrogates;
    private int tags;

    /**
     * @param seed           the seed; the same seed gives the same frames
     * @param selfId         the account the gateway runs as, for plausible ids and checked answers
     * @param shapes         the actions to call
     * @param loneSurrogates whether random text may hold unpaired surrogates (not over a real socket,
     *                       where the client's encoder would replace them)
     */
    public BadFrames(long seed, long selfId, List<ActionShape> shapes, boolean loneSurrogates) {
        this.random = new SplittableRandom(seed);
        this.selfId = selfId;
        this.shapes = shapes;
        this.names = shapes.stream().map(ActionShape::name).collect(Collectors.toSet());
        this.loneSurrogates = loneSurrogates;
        this.probes = List.of(
                new Probe("get_login_info", data -> data.getJsonNumber("user_id").longValueExact() == selfId ? null
                        : "user_id is not " + selfId),
                new Probe("get_status", data -> data.getBoolean("online") ? null : "not online"),
                new Probe("get_version_info", data -> "v11".equals(data.getString("protocol_version")) ? null
                        : "protocol_version is not v11"),
                new Probe("can_send_image", data -> data.get("yes") == JsonValue.TRUE
                        || data.get("yes") == JsonValue.FALSE ? null : "yes is not a boolean"));
    }

    /** One frame of the given kind. */
    public Frame next(Kind kind) {
        return switch (kind) {
            case VALID -> valid(false);
            case BINARY_REQUEST -> valid(true);
            // Random text is almost never an object; when it is ("{}", "{a:1}"), it has no action.
            case RANDOM_TEXT -> untracked(kind, randomText(random.nextInt(2000)), null, NOT_OK, Check.NONE);
            case RANDOM_BYTES -> untracked(kind, null, randomBytes(random.nextInt(2000)), NOT_OK, Check.NONE);
            case TRUNCATED -> truncated();
            case MUTATED -> mutated();
            case INVALID_UTF8 -> invalidUtf8();
            case DEEP_NESTING -> deep();
            case HUGE_NUMBERS -> hugeNumbers();
            case DUPLICATE_KEYS -> duplicateKeys();
            case WRONG_TYPES -> wrongType();
            case RANDOM_PARAMS -> randomParams();
            case HUGE_ECHO -> hugeEcho();
            case BAD_ENVELOPE -> badEnvelope();
            case ODD_NAMES -> oddName();
        };
    }

    /** A valid call whose answer is checked, to prove the connection still works. */
    public Frame valid() {
        return valid(false);
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

    /** The tag an answer's echo carries, or null. */
    public static String tagOf(JsonValue echo) {
        if (echo instanceof JsonArray array && !array.isEmpty()) {
            echo = array.get(0);
        }
        if (echo instanceof JsonString string) {
            String text = string.getString();
            int close = text.indexOf(CLOSE_TAG);
            if (!text.isEmpty() && text.charAt(0) == OPEN_TAG && close > 0) {
                return text.substring(0, close + 1);
            }
        }
        return null;
    }

    // ---- the kinds ----

    private Frame valid(boolean binary) {
        Probe probe = pick(probes);
        JsonValue echo = tag("");
        String text = request(probe.action(), JsonValue.EMPTY_JSON_OBJECT, echo);
        return tracked(binary ? Kind.BINARY_REQUEST : Kind.VALID, text, binary, echo, OK, data(probe.data()));
    }

    private Frame truncated() {
        String whole = baseRequest();
        // Every proper prefix of an object's text lacks its closing brace, so none of them is JSON or JSON5.
        return parseFailure(Kind.TRUNCATED, whole.substring(0, random.nextInt(whole.length())));
    }

    private Frame mutated() {
        String frame = mutate(baseRequest());
        if (random.nextInt(8) == 0) {
            return untracked(Kind.MUTATED, null, frame.getBytes(StandardCharsets.UTF_8), ANY, Check.NONE);
        }
        return untracked(Kind.MUTATED, frame, null, ANY, Check.NONE);
    }

    private Frame invalidUtf8() {
        return parseFailure(Kind.INVALID_UTF8, breakUtf8(request(pick(probes).action(), JsonValue.EMPTY_JSON_OBJECT,
                JSON.createValue(12345))));
    }

    private Frame deep() {
        int variant = random.nextInt(9);
        if (variant == 0) {
            // At the limit: the request object, params and 510 arrays are 512 levels.
            int arrays = MAX_DEPTH - 2 - random.nextInt(3);
            JsonValue echo = tag("");
            String text = "{\"action\":\"get_status\",\"params\":{\"x\":" + "[".repeat(arrays) + "]".repeat(arrays)
                    + "},\"echo\":" + echo + "}";
            return tracked(Kind.DEEP_NESTING, text, false, echo, OK, Check.NONE);
        }
        if (variant == 1) {
            // Brackets inside a string are text, not nesting.
            JsonValue echo = tag("[{".repeat(1 + random.nextInt(20_000)));
            return tracked(Kind.DEEP_NESTING, request("get_status", JsonValue.EMPTY_JSON_OBJECT, echo), false, echo, OK,
                    Check.NONE);
        }
        // Levels of nesting in all: one past the limit now and then, far past it (enough to overflow
        // any recursive parser's stack) mostly, and now and then a few hundred thousand.
        int depth = MAX_DEPTH + 1 + switch (random.nextInt(8)) {
            case 0, 1 -> random.nextInt(3);
            case 2 -> random.nextInt(300_000);
            default -> random.nextInt(20_000);
        };
        String text = switch (variant) {
            case 2 -> "{\"action\":\"get_status\",\"params\":{\"x\":" + "[".repeat(depth - 2) + "]".repeat(depth - 2)
                    + "},\"echo\":1}";
            case 3 -> "[".repeat(depth);
            case 4 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            case 5 -> "{action:'get_status',params:{x:" + "[".repeat(depth - 2) + "]".repeat(depth - 2) + "}} // json5";
            case 6 -> "{\"action\":\"get_status\",\"echo\":" + "[{\"e\":".repeat(depth / 2 + 1) + "0"
                    + "}]".repeat(depth / 2 + 1) + "}";
            // Behind a comment that ends at any of JSON5's line terminators, or a block comment.
            case 7 -> pick(List.of("// c\r", "// c\u2028", "// c\u2029", "// c\n", "/* c */", "/**/", "/*\n*/"))
                    + "{action:'get_status',params:{x:" + "[".repeat(depth - 2) + "]".repeat(depth - 2) + "}}";
            default -> "{\"action\":\"send_msg\",\"params\":{\"user_id\":20001,\"message\":"
                    + "[{\"type\":\"node\",\"data\":{\"content\":".repeat(depth / 3 + 1) + "\"x\""
                    + "}}]".repeat(depth / 3 + 1) + "}}";
        };
        return parseFailure(Kind.DEEP_NESTING, text);
    }

    private Frame hugeNumbers() {
        int variant = random.nextInt(6);
        if (variant == 0) {
            // A number literal too long for any parser to spend time on (JSON5 parsing is quadratic
            // in the digits): refused before it is parsed.
            String digits = "9".repeat(MAX_NUMBER_LENGTH + 1 + random.nextInt(200_000));
            return parseFailure(Kind.HUGE_NUMBERS, random.nextBoolean() ? "{\"action\":\"get_status\",\"echo\":" + digits + "}"
                    : "{action:'get_status',echo:0x" + digits + "}");
        }
        List<ActionShape> withIntegers = shapes.stream()
                .filter(s -> s.params().stream().anyMatch(p -> isInteger(p.type()))).toList();
        if (variant <= 3 && !withIntegers.isEmpty()) {
            // An integer parameter given a number beyond its type, or a decimal string of up to
            // 200 000 digits.
            String number = variant == 1 ? quote("7".repeat(20 + random.nextInt(200_000))) : pick(List.of(HUGE));
            ActionShape shape = pick(withIntegers);
            Param target = pick(shape.params().stream().filter(p -> isInteger(p.type())).toList());
            JsonValue echo = tag("");
            StringBuilder params = new StringBuilder("{");
            for (Param p : shape.params()) {
                params.append(params.length() > 1 ? "," : "").append(quote(p.name())).append(':')
                        .append(p == target ? number : plausible(p).toString());
            }
            String text = "{\"action\":" + quote(shape.name()) + ",\"params\":" + params + "},\"echo\":" + echo + "}";
            return tracked(Kind.HUGE_NUMBERS, text, false, echo, BAD, namesParam(shape, target));
        }
        // In the echo, a number comes back as it was sent.
        String number = pick(List.of(HUGE));
        String tag = nextTag();
        String text = "{\"action\":\"get_status\",\"echo\":[\"" + tag + "\"," + number + "]}";
        JsonValue echo = JSON.createArrayBuilder().add(tag).add(new BigDecimal(number)).build();
        return tracked(Kind.HUGE_NUMBERS, text, false, echo, OK, Check.NONE);
    }

    private Frame duplicateKeys() {
        JsonValue echo = tag("");
        String other = random.nextBoolean() ? pick(shapes).name() : "no_such_" + random.nextInt(1000);
        String text = switch (random.nextInt(4)) {
            case 0 -> "{\"action\":\"get_status\",\"action\":" + quote(other) + ",\"echo\":" + echo + "}";
            case 1 -> "{\"action\":" + quote(other) + ",\"echo\":" + echo + ",\"action\":\"get_status\"}";
            case 2 -> "{\"action\":\"get_group_info\",\"params\":{\"group_id\":\"x\",\"group_id\":30001},\"params\":"
                    + "{\"group_id\":{},\"group_id\":[]},\"echo\":" + echo + "}";
            default -> "{\"action\":\"get_status\",\"echo\":" + echo + ",\"echo\":" + echo + ",\"params\":null}";
        };
        return tracked(Kind.DUPLICATE_KEYS, text, false, echo, ANY, Check.NONE);
    }

    private Frame wrongType() {
        List<ActionShape> typed = shapes.stream().filter(s -> s.params().stream().anyMatch(p -> !p.anyJson())).toList();
        ActionShape shape = pick(typed);
        Param target = pick(shape.params().stream().filter(p -> !p.anyJson()).toList());
        JsonObjectBuilder params = JSON.createObjectBuilder();
        for (Param p : shape.params()) {
            if (p == target) {
                params.add(p.name(), wrong(p.type()));
            } else {
                params.add(p.name(), plausible(p));
            }
        }
        JsonValue echo = tag("");
        return tracked(Kind.WRONG_TYPES, request(shape.name(), params.build(), echo), false, echo, BAD,
                namesParam(shape, target));
    }

    private Frame randomParams() {
        ActionShape shape = pick(shapes);
        JsonObjectBuilder params = JSON.createObjectBuilder();
        for (Param p : shape.params()) {
            switch (random.nextInt(3)) {
                case 0 -> { }
                case 1 -> params.add(p.name(), plausible(p));
                default -> params.add(random.nextInt(4) == 0 && p.alias() != null ? p.alias() : p.name(),
                        random.nextBoolean() || p.anyJson() ? randomValue(3) : wrong(p.type()));
            }
        }
        if (random.nextInt(5) == 0) {
            params.add(randomKey(), randomValue(2));
        }
        JsonValue echo = tag("");
        String text = request(shape.name(), params.build(), echo);
        if (random.nextInt(6) == 0) {
            text = json5(JSON.createReader(new java.io.StringReader(text)).readObject());
        }
        return tracked(Kind.RANDOM_PARAMS, text, false, echo, NOT_UNKNOWN, answer ->
                answer.getInt("retcode") == 1400 ? mentionsAParameter(shape, answer) : null);
    }

    private Frame hugeEcho() {
        StringBuilder chunk = new StringBuilder();
        String pieces = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029</script>&#91;[CQ:at,qq=1]令🔑é ";
        while (chunk.length() < 1024) {
            if (random.nextBoolean()) {
                int at = random.nextInt(pieces.length());
                chunk.append(Character.isSurrogate(pieces.charAt(at)) ? "🔑" : String.valueOf(pieces.charAt(at)));
            } else {
                chunk.append((char) ('a' + random.nextInt(26)));
            }
        }
        String tag = nextTag();
        StringBuilder echo = new StringBuilder(MEBIBYTE + 1024).append(tag);
        while (echo.length() < MEBIBYTE) {
            echo.append(chunk);
        }
        JsonValue value = JSON.createValue(echo.toString());
        Probe probe = pick(probes);
        return tracked(Kind.HUGE_ECHO, request(probe.action(), JsonValue.EMPTY_JSON_OBJECT, value), false, value, OK,
                data(probe.data()));
    }

    private Frame badEnvelope() {
        JsonValue echo = tag("");
        String e = ",\"echo\":" + echo;
        return switch (random.nextInt(8)) {
            case 0 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":\"\"" + e + "}", false, echo, UNKNOWN,
                    message(ActionDispatcher.UNKNOWN_ACTION));
            case 1 -> tracked(Kind.BAD_ENVELOPE, "{\"params\":{}" + e + "}", false, echo, BAD, mentions("action"));
            case 2 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":" + pick(List.of("1", "true", "null", "{}",
                    "[\"get_status\"]", "-0.0")) + e + "}", false, echo, BAD, mentions("action"));
            case 3 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":\"get_status\",\"params\":" + pick(List.of("[]", "[{}]",
                    "\"{}\"", "0", "false", "\"\"")) + e + "}", false, echo, BAD, mentions("params"));
            case 4 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":\"get_status\",\"params\":null,\"post_type\":\"message\","
                    + "\"retcode\":0,\"\":\"\"" + e + "}", false, echo, OK, Check.NONE);
            case 5 -> parseFailure(Kind.BAD_ENVELOPE, pick(List.of("[" + request("get_status", JsonValue.EMPTY_JSON_OBJECT,
                    JSON.createValue(1)) + "]", "\"get_status\"", "42", "true", "null", "[]", "  \n\t ", "")));
            case 6 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":\"get_status\",\"params\":{\"unknown\":[1,{\"a\":null}]}"
                    + e + "}", false, echo, OK, Check.NONE);
            default -> untracked(Kind.BAD_ENVELOPE, "\ufeff{\"action\":\"get_status\",\"echo\":1}", null, Set.of(0, 1400),
                    Check.NONE);
        };
    }

    private Frame oddName() {
        String real = pick(shapes).name();
        String name = switch (random.nextInt(12)) {
            case 0 -> randomName(1 + random.nextInt(40));
            case 1 -> real.toUpperCase(java.util.Locale.ROOT);
            case 2 -> " " + real;
            case 3 -> real + "\n";
            case 4 -> real + "\u0000";
            case 5 -> real + pick(List.of(SUFFIXES)) + pick(List.of(SUFFIXES));
            case 6 -> pick(List.of(SUFFIXES));
            case 7 -> "x".repeat(10_000 + random.nextInt(100_000));
            case 8 -> pick(List.of("../" + real, "/" + real, real + "/", "." + real, real + "?x=1", real + "#", "[CQ:face,id=1]",
                    "\u202e" + real, real + "\u200b", "get_status\ud83d\udd11"));
            case 9 -> real.replace('_', '-');
            case 10 -> real + pick(List.of(SUFFIXES));
            default -> real + "_" + randomName(1 + random.nextInt(5));
        };
        JsonValue echo = tag("");
        String text = request(name, JsonValue.EMPTY_JSON_OBJECT, echo);
        if (resolves(name)) {
            return tracked(Kind.ODD_NAMES, text, false, echo, NOT_UNKNOWN, Check.NONE);
        }
        return tracked(Kind.ODD_NAMES, text, false, echo, UNKNOWN, message(ActionDispatcher.UNKNOWN_ACTION + name));
    }

    // ---- building blocks, also for fuzzing HTTP bodies and files ----

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
            return random.nextInt(3) == 0 ? JSON.createValue(new BigDecimal(pick(List.of(HUGE)))) : randomValue(2);
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

    // ---- values ----

    /** A value of the parameter's type that the binder accepts. */
    private JsonValue plausible(Param p) {
        Class<?> type = p.type();
        if (isInteger(type)) {
            if (p.name().contains("message_id") || p.name().equals("id") || p.name().equals("times")
                    || p.name().equals("count")) {
                return JSON.createValue(1 + random.nextInt(3));
            }
            return JSON.createValue(pick(List.of(selfId, 20001L, 20002L, 20003L, 30001L, 30002L, 1L)));
        }
        if (type == boolean.class || type == Boolean.class) {
            return random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (type == String.class) {
            return JSON.createValue(pick(List.of("x", "20001", "group", "private", "add", "")));
        }
        if (type == JsonObject.class) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return random.nextBoolean() ? JSON.createValue("hello [CQ:face,id=1]") : segments(2);
    }

    /** A value the binder must refuse for the type. */
    private JsonValue wrong(Class<?> type) {
        if (isInteger(type)) {
            List<JsonValue> wrong = new ArrayList<>(List.of(JSON.createObjectBuilder().add("not", "a number").build(),
                    JSON.createArrayBuilder().add(1).build(), JSON.createValue("abc"), JSON.createValue("1.5"),
                    JSON.createValue(1.5), JsonValue.TRUE, JSON.createValue(new BigDecimal("1e999999999")),
                    JSON.createValue(new BigDecimal("9223372036854775808")), JSON.createValue(""), JSON.createValue(" "),
                    JSON.createValue("0x10"), JSON.createValue("\uff11\uff12\uff13"), JSON.createValue("1e3"),
                    JSON.createValue(new BigDecimal("-9223372036854775809"))));
            if (type == int.class || type == Integer.class) {
                wrong.add(JSON.createValue(2_147_483_648L));
                wrong.add(JSON.createValue(-2_147_483_649L));
                wrong.add(JSON.createValue("99999999999"));
            }
            return pick(wrong);
        }
        if (type == boolean.class || type == Boolean.class) {
            return pick(List.of(JSON.createObjectBuilder().add("x", 1).build(), JSON.createArrayBuilder().add(true).build(),
                    JSON.createValue("maybe"), JSON.createValue(2), JSON.createValue(-1), JSON.createValue(0.5),
                    JSON.createValue(""), JSON.createValue("yes"), JSON.createValue(new BigDecimal("1e999999999"))));
        }
        if (type == String.class) {
            return pick(List.of(JSON.createObjectBuilder().add("a", 1).build(), JsonValue.EMPTY_JSON_ARRAY,
                    JSON.createArrayBuilder().add(1).add(2).build()));
        }
        if (type == JsonObject.class) {
            return pick(List.of(JSON.createValue("{}"), JsonValue.EMPTY_JSON_ARRAY, JSON.createValue(1), JsonValue.TRUE));
        }
        throw new IllegalArgumentException("every value suits " + type);
    }

    /** Any JSON value, nested up to {@code depth}. */
    private JsonValue randomValue(int depth) {
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
    private JsonValue segments(int depth) {
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

    // ---- text ----

    /** A random well-formed or JSON5-flavoured request with plausible or random parameters and no tag. */
    private String baseRequest() {
        ActionShape shape = pick(shapes);
        JsonObjectBuilder params = JSON.createObjectBuilder();
        for (Param p : shape.params()) {
            if (p.required() || random.nextBoolean()) {
                params.add(p.name(), random.nextInt(4) == 0 ? randomValue(2) : plausible(p));
            }
        }
        JsonObjectBuilder request = JSON.createObjectBuilder().add("action", shape.name()).add("params", params);
        if (random.nextBoolean()) {
            request.add("echo", random.nextInt(1_000_000));
        }
        JsonObject object = request.build();
        return random.nextInt(4) == 0 ? json5(object) : object.toString();
    }

    /** The object in JSON5: unquoted keys, single quotes, hex numbers, comments and trailing commas. */
    private String json5(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                StringBuilder out = new StringBuilder("{");
                for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                    String key = entry.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") ? entry.getKey() : quote(entry.getKey());
                    out.append(random.nextInt(5) == 0 ? "/* c */ " : "").append(key).append(": ")
                            .append(json5(entry.getValue())).append(',');
                }
                if (out.length() > 1 && random.nextBoolean()) {
                    out.setLength(out.length() - 1);
                }
                yield out.append('}').toString();
            }
            case ARRAY -> value.asJsonArray().isEmpty() ? "[]"
                    : "[" + value.asJsonArray().stream().map(this::json5).collect(Collectors.joining(", ")) + ",]";
            case STRING -> {
                String text = ((JsonString) value).getString();
                yield text.indexOf('\'') < 0 && text.indexOf('\\') < 0 && text.chars().noneMatch(c -> c < 0x20)
                        ? "'" + text + "'" : value.toString();
            }
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() && number.bigDecimalValue().signum() > 0
                        && number.bigDecimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0
                        && random.nextBoolean() ? "0x" + Long.toHexString(number.longValue()) : value.toString();
            }
            default -> value.toString();
        };
    }

    private String randomText(int length) {
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

    private String randomName(int length) {
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

    private String randomKey() {
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

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    // ---- expectations ----

    private String nextTag() {
        return OPEN_TAG + Integer.toString(++tags) + CLOSE_TAG;
    }

    private JsonValue tag(String rest) {
        return JSON.createValue(nextTag() + rest);
    }

    private static String request(String action, JsonObject params, JsonValue echo) {
        return JSON.createObjectBuilder().add("action", action).add("params", params).add("echo", echo).build().toString();
    }

    private static String quote(String text) {
        return JSON.createValue(text).toString();
    }

    private Frame tracked(Kind kind, String text, boolean binary, JsonValue echo, Set<Integer> retcodes, Check check) {
        String tag = tagOf(echo);
        if (tag == null) {
            throw new IllegalArgumentException("a tracked frame needs a tagged echo: " + echo);
        }
        return binary ? new Frame(kind, null, text.getBytes(StandardCharsets.UTF_8), tag, echo, retcodes, check)
                : new Frame(kind, text, null, tag, echo, retcodes, check);
    }

    private Frame untracked(Kind kind, String text, byte[] binary, Set<Integer> retcodes, Check check) {
        return new Frame(kind, text == null ? null : sendable(text), binary, null, null, retcodes, check);
    }

    /**
     * The text, or, where lone surrogates are not wanted, the text with each one replaced by
     * U+FFFD: cutting, deleting, swapping and repeating characters can split a pair, and a client
     * encoder refuses to send the half.
     */
    private String sendable(String text) {
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

    /** A frame that is no JSON object at all: 1400 with NapCat's words and no echo. */
    private Frame parseFailure(Kind kind, String text) {
        return untracked(kind, text, null, BAD, PARSE_FAILED);
    }

    private Frame parseFailure(Kind kind, byte[] binary) {
        return untracked(kind, null, binary, BAD, PARSE_FAILED);
    }

    private static final Check PARSE_FAILED = answer -> ActionDispatcher.PARSE_FAILED.equals(answer.getString("message"))
            && answer.get("echo") == JsonValue.NULL ? null : "not the parse failure answer with a null echo";

    private static Check data(Check data) {
        return answer -> answer.get("data") instanceof JsonObject object ? data.problem(object) : "data is not an object";
    }

    private static Check message(String expected) {
        return answer -> expected.equals(answer.getString("message")) ? null
                : "message is not '" + abbreviate(expected) + "'";
    }

    private static Check mentions(String word) {
        return answer -> answer.getString("message").contains(word) ? null : "message does not mention " + word;
    }

    private static Check namesParam(ActionShape shape, Param param) {
        return answer -> shape.namesOf(param).stream().anyMatch(answer.getString("message")::contains) ? null
                : "message does not name " + shape.name() + "." + param.name();
    }

    /** A 1400 for a request whose parameters were all fuzzed names one of them. */
    private static String mentionsAParameter(ActionShape shape, JsonObject answer) {
        String message = answer.getString("message");
        for (Param p : shape.params()) {
            if (shape.namesOf(p).stream().anyMatch(message::contains)) {
                return null;
            }
        }
        return "a 1400 for " + shape.name() + " names none of its parameters";
    }

    private boolean resolves(String name) {
        if (names.contains(name)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && names.contains(name.substring(0, name.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInteger(Class<?> type) {
        return type == long.class || type == Long.class || type == int.class || type == Integer.class;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
