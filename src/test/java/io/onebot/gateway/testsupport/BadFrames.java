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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            String body = text != null ? BadValues.printable(text, 300) : "binary " + binary.length + " bytes: "
                    + BadValues.printable(new String(binary, 0, Math.min(binary.length, 200), StandardCharsets.ISO_8859_1), 200);
            return kind + (tag == null ? "" : " " + tag) + " " + body;
        }
    }

    /** A call whose successful answer is known. */
    private record Probe(String action, Check data) {
    }

    /** One provider for the whole run: the static Json methods look it up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Set<Integer> OK = Set.of(0);
    private static final Set<Integer> BAD = Set.of(1400);
    private static final Set<Integer> UNKNOWN = Set.of(1404);
    private static final Set<Integer> NOT_UNKNOWN = Set.of(0, 1400, 1200);
    private static final Set<Integer> NOT_OK = Set.of(1400, 1404);
    private static final Set<Integer> ANY = Set.of(0, 1400, 1404, 1200);
    private static final String[] SUFFIXES = {"_async", "_rate_limited"};
    private static final int MEBIBYTE = 1024 * 1024;

    private final BadValues values;
    private final long selfId;
    private final List<ActionShape> shapes;
    private final Set<String> names;
    private final List<Probe> probes;
    private int tags;

    /**
     * @param seed           the seed; the same seed gives the same frames
     * @param selfId         the account the gateway runs as, for plausible ids and checked answers
     * @param shapes         the actions to call
     * @param loneSurrogates whether random text may hold unpaired surrogates (not over a real socket,
     *                       where the client's encoder would replace them)
     */
    public BadFrames(long seed, long selfId, List<ActionShape> shapes, boolean loneSurrogates) {
        this.values = new BadValues(seed, selfId, loneSurrogates);
        this.selfId = selfId;
        this.shapes = shapes;
        this.names = shapes.stream().map(ActionShape::name).collect(Collectors.toSet());
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
            case RANDOM_TEXT -> untracked(kind, values.randomText(values.nextInt(2000)), null, NOT_OK, Check.NONE);
            case RANDOM_BYTES -> untracked(kind, null, values.randomBytes(values.nextInt(2000)), NOT_OK, Check.NONE);
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

    /** The tag an answer's echo carries, or null. */
    public static String tagOf(JsonValue echo) {
        if (echo instanceof JsonArray array && !array.isEmpty()) {
            echo = array.get(0);
        }
        if (echo instanceof JsonString string) {
            String text = string.getString();
            int close = text.indexOf(BadValues.CLOSE_TAG);
            if (!text.isEmpty() && text.charAt(0) == BadValues.OPEN_TAG && close > 0) {
                return text.substring(0, close + 1);
            }
        }
        return null;
    }

    // ---- the kinds ----

    private Frame valid(boolean binary) {
        Probe probe = values.pick(probes);
        JsonValue echo = tag("");
        String text = request(probe.action(), JsonValue.EMPTY_JSON_OBJECT, echo);
        return tracked(binary ? Kind.BINARY_REQUEST : Kind.VALID, text, binary, echo, OK, data(probe.data()));
    }

    private Frame truncated() {
        String whole = baseRequest();
        // Every proper prefix of an object's text lacks its closing brace, so none of them is JSON or JSON5.
        return parseFailure(Kind.TRUNCATED, whole.substring(0, values.nextInt(whole.length())));
    }

    private Frame mutated() {
        String frame = values.mutate(baseRequest());
        if (values.nextInt(8) == 0) {
            return untracked(Kind.MUTATED, null, frame.getBytes(StandardCharsets.UTF_8), ANY, Check.NONE);
        }
        return untracked(Kind.MUTATED, frame, null, ANY, Check.NONE);
    }

    private Frame invalidUtf8() {
        return parseFailure(Kind.INVALID_UTF8, values.breakUtf8(request(values.pick(probes).action(), JsonValue.EMPTY_JSON_OBJECT,
                JSON.createValue(12345))));
    }

    private Frame deep() {
        int variant = values.nextInt(9);
        if (variant == 0) {
            // At the limit: the request object, params and 510 arrays are 512 levels.
            int arrays = BadValues.MAX_DEPTH - 2 - values.nextInt(3);
            JsonValue echo = tag("");
            String text = "{\"action\":\"get_status\",\"params\":{\"x\":" + "[".repeat(arrays) + "]".repeat(arrays)
                    + "},\"echo\":" + echo + "}";
            return tracked(Kind.DEEP_NESTING, text, false, echo, OK, Check.NONE);
        }
        if (variant == 1) {
            // Brackets inside a string are text, not nesting.
            JsonValue echo = tag("[{".repeat(1 + values.nextInt(20_000)));
            return tracked(Kind.DEEP_NESTING, request("get_status", JsonValue.EMPTY_JSON_OBJECT, echo), false, echo, OK,
                    Check.NONE);
        }
        // Levels of nesting in all: one past the limit now and then, far past it (enough to overflow
        // any recursive parser's stack) mostly, and now and then a few hundred thousand.
        int depth = BadValues.MAX_DEPTH + 1 + switch (values.nextInt(8)) {
            case 0, 1 -> values.nextInt(3);
            case 2 -> values.nextInt(300_000);
            default -> values.nextInt(20_000);
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
            case 7 -> values.pick(List.of("// c\r", "// c\u2028", "// c\u2029", "// c\n", "/* c */", "/**/", "/*\n*/"))
                    + "{action:'get_status',params:{x:" + "[".repeat(depth - 2) + "]".repeat(depth - 2) + "}}";
            default -> "{\"action\":\"send_msg\",\"params\":{\"user_id\":20001,\"message\":"
                    + "[{\"type\":\"node\",\"data\":{\"content\":".repeat(depth / 3 + 1) + "\"x\""
                    + "}}]".repeat(depth / 3 + 1) + "}}";
        };
        return parseFailure(Kind.DEEP_NESTING, text);
    }

    private Frame hugeNumbers() {
        int variant = values.nextInt(6);
        if (variant == 0) {
            // A number literal too long for any parser to spend time on (JSON5 parsing is quadratic
            // in the digits): refused before it is parsed.
            String digits = "9".repeat(BadValues.MAX_NUMBER_LENGTH + 1 + values.nextInt(200_000));
            return parseFailure(Kind.HUGE_NUMBERS, values.nextBoolean() ? "{\"action\":\"get_status\",\"echo\":" + digits + "}"
                    : "{action:'get_status',echo:0x" + digits + "}");
        }
        List<ActionShape> withIntegers = shapes.stream()
                .filter(s -> s.params().stream().anyMatch(p -> isInteger(p.type()))).toList();
        if (variant <= 3 && !withIntegers.isEmpty()) {
            // An integer parameter given a number beyond its type, or a decimal string of up to
            // 200 000 digits.
            String number = variant == 1 ? quote("7".repeat(20 + values.nextInt(200_000))) : values.huge();
            ActionShape shape = values.pick(withIntegers);
            Param target = values.pick(shape.params().stream().filter(p -> isInteger(p.type())).toList());
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
        String number = values.huge();
        String tag = nextTag();
        String text = "{\"action\":\"get_status\",\"echo\":[\"" + tag + "\"," + number + "]}";
        JsonValue echo = JSON.createArrayBuilder().add(tag).add(new BigDecimal(number)).build();
        return tracked(Kind.HUGE_NUMBERS, text, false, echo, OK, Check.NONE);
    }

    private Frame duplicateKeys() {
        JsonValue echo = tag("");
        String other = values.nextBoolean() ? values.pick(shapes).name() : "no_such_" + values.nextInt(1000);
        String text = switch (values.nextInt(4)) {
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
        ActionShape shape = values.pick(typed);
        Param target = values.pick(shape.params().stream().filter(p -> !p.anyJson()).toList());
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
        ActionShape shape = values.pick(shapes);
        JsonObjectBuilder params = JSON.createObjectBuilder();
        for (Param p : shape.params()) {
            switch (values.nextInt(3)) {
                case 0 -> { }
                case 1 -> params.add(p.name(), plausible(p));
                default -> params.add(values.nextInt(4) == 0 && p.alias() != null ? p.alias() : p.name(),
                        values.nextBoolean() || p.anyJson() ? values.randomValue(3) : wrong(p.type()));
            }
        }
        if (values.nextInt(5) == 0) {
            params.add(values.randomKey(), values.randomValue(2));
        }
        JsonValue echo = tag("");
        String text = request(shape.name(), params.build(), echo);
        if (values.nextInt(6) == 0) {
            text = json5(JSON.createReader(new java.io.StringReader(text)).readObject());
        }
        return tracked(Kind.RANDOM_PARAMS, text, false, echo, NOT_UNKNOWN, answer ->
                answer.getInt("retcode") == 1400 ? mentionsAParameter(shape, answer) : null);
    }

    private Frame hugeEcho() {
        StringBuilder chunk = new StringBuilder();
        String pieces = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029</script>&#91;[CQ:at,qq=1]令🔑é ";
        while (chunk.length() < 1024) {
            if (values.nextBoolean()) {
                int at = values.nextInt(pieces.length());
                chunk.append(Character.isSurrogate(pieces.charAt(at)) ? "🔑" : String.valueOf(pieces.charAt(at)));
            } else {
                chunk.append((char) ('a' + values.nextInt(26)));
            }
        }
        String tag = nextTag();
        StringBuilder echo = new StringBuilder(MEBIBYTE + 1024).append(tag);
        while (echo.length() < MEBIBYTE) {
            echo.append(chunk);
        }
        JsonValue value = JSON.createValue(echo.toString());
        Probe probe = values.pick(probes);
        return tracked(Kind.HUGE_ECHO, request(probe.action(), JsonValue.EMPTY_JSON_OBJECT, value), false, value, OK,
                data(probe.data()));
    }

    private Frame badEnvelope() {
        JsonValue echo = tag("");
        String e = ",\"echo\":" + echo;
        return switch (values.nextInt(8)) {
            case 0 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":\"\"" + e + "}", false, echo, UNKNOWN,
                    message(ActionDispatcher.UNKNOWN_ACTION));
            case 1 -> tracked(Kind.BAD_ENVELOPE, "{\"params\":{}" + e + "}", false, echo, BAD, mentions("action"));
            case 2 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":" + values.pick(List.of("1", "true", "null", "{}",
                    "[\"get_status\"]", "-0.0")) + e + "}", false, echo, BAD, mentions("action"));
            case 3 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":\"get_status\",\"params\":" + values.pick(List.of("[]", "[{}]",
                    "\"{}\"", "0", "false", "\"\"")) + e + "}", false, echo, BAD, mentions("params"));
            case 4 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":\"get_status\",\"params\":null,\"post_type\":\"message\","
                    + "\"retcode\":0,\"\":\"\"" + e + "}", false, echo, OK, Check.NONE);
            case 5 -> parseFailure(Kind.BAD_ENVELOPE, values.pick(List.of("[" + request("get_status", JsonValue.EMPTY_JSON_OBJECT,
                    JSON.createValue(1)) + "]", "\"get_status\"", "42", "true", "null", "[]", "  \n\t ", "")));
            case 6 -> tracked(Kind.BAD_ENVELOPE, "{\"action\":\"get_status\",\"params\":{\"unknown\":[1,{\"a\":null}]}"
                    + e + "}", false, echo, OK, Check.NONE);
            default -> untracked(Kind.BAD_ENVELOPE, "\ufeff{\"action\":\"get_status\",\"echo\":1}", null, Set.of(0, 1400),
                    Check.NONE);
        };
    }

    private Frame oddName() {
        String real = values.pick(shapes).name();
        String name = switch (values.nextInt(12)) {
            case 0 -> values.randomName(1 + values.nextInt(40));
            case 1 -> real.toUpperCase(java.util.Locale.ROOT);
            case 2 -> " " + real;
            case 3 -> real + "\n";
            case 4 -> real + "\u0000";
            case 5 -> real + values.pick(List.of(SUFFIXES)) + values.pick(List.of(SUFFIXES));
            case 6 -> values.pick(List.of(SUFFIXES));
            case 7 -> "x".repeat(10_000 + values.nextInt(100_000));
            case 8 -> values.pick(List.of("../" + real, "/" + real, real + "/", "." + real, real + "?x=1", real + "#", "[CQ:face,id=1]",
                    "\u202e" + real, real + "\u200b", "get_status\ud83d\udd11"));
            case 9 -> real.replace('_', '-');
            case 10 -> real + values.pick(List.of(SUFFIXES));
            default -> real + "_" + values.randomName(1 + values.nextInt(5));
        };
        JsonValue echo = tag("");
        String text = request(name, JsonValue.EMPTY_JSON_OBJECT, echo);
        if (resolves(name)) {
            return tracked(Kind.ODD_NAMES, text, false, echo, NOT_UNKNOWN, Check.NONE);
        }
        return tracked(Kind.ODD_NAMES, text, false, echo, UNKNOWN, message(ActionDispatcher.UNKNOWN_ACTION + name));
    }

    // ---- values ----

    /** A value of the parameter's type that the binder accepts. */
    private JsonValue plausible(Param p) {
        Class<?> type = p.type();
        if (isInteger(type)) {
            if (p.name().contains("message_id") || p.name().equals("id") || p.name().equals("times")
                    || p.name().equals("count")) {
                return JSON.createValue(1 + values.nextInt(3));
            }
            return JSON.createValue(values.pick(List.of(selfId, 20001L, 20002L, 20003L, 30001L, 30002L, 1L)));
        }
        if (type == boolean.class || type == Boolean.class) {
            return values.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (type == String.class) {
            return JSON.createValue(values.pick(List.of("x", "20001", "group", "private", "add", "")));
        }
        if (type == JsonObject.class) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return values.nextBoolean() ? JSON.createValue("hello [CQ:face,id=1]") : values.segments(2);
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
            return values.pick(wrong);
        }
        if (type == boolean.class || type == Boolean.class) {
            return values.pick(List.of(JSON.createObjectBuilder().add("x", 1).build(), JSON.createArrayBuilder().add(true).build(),
                    JSON.createValue("maybe"), JSON.createValue(2), JSON.createValue(-1), JSON.createValue(0.5),
                    JSON.createValue(""), JSON.createValue("yes"), JSON.createValue(new BigDecimal("1e999999999"))));
        }
        if (type == String.class) {
            return values.pick(List.of(JSON.createObjectBuilder().add("a", 1).build(), JsonValue.EMPTY_JSON_ARRAY,
                    JSON.createArrayBuilder().add(1).add(2).build()));
        }
        if (type == JsonObject.class) {
            return values.pick(List.of(JSON.createValue("{}"), JsonValue.EMPTY_JSON_ARRAY, JSON.createValue(1), JsonValue.TRUE));
        }
        throw new IllegalArgumentException("every value suits " + type);
    }

    // ---- text ----

    /** A random well-formed or JSON5-flavoured request with plausible or random parameters and no tag. */
    private String baseRequest() {
        ActionShape shape = values.pick(shapes);
        JsonObjectBuilder params = JSON.createObjectBuilder();
        for (Param p : shape.params()) {
            if (p.required() || values.nextBoolean()) {
                params.add(p.name(), values.nextInt(4) == 0 ? values.randomValue(2) : plausible(p));
            }
        }
        JsonObjectBuilder request = JSON.createObjectBuilder().add("action", shape.name()).add("params", params);
        if (values.nextBoolean()) {
            request.add("echo", values.nextInt(1_000_000));
        }
        JsonObject object = request.build();
        return values.nextInt(4) == 0 ? json5(object) : object.toString();
    }

    /** The object in JSON5: unquoted keys, single quotes, hex numbers, comments and trailing commas. */
    private String json5(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                StringBuilder out = new StringBuilder("{");
                for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                    String key = entry.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") ? entry.getKey() : quote(entry.getKey());
                    out.append(values.nextInt(5) == 0 ? "/* c */ " : "").append(key).append(": ")
                            .append(json5(entry.getValue())).append(',');
                }
                if (out.length() > 1 && values.nextBoolean()) {
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
                        && values.nextBoolean() ? "0x" + Long.toHexString(number.longValue()) : value.toString();
            }
            default -> value.toString();
        };
    }

    // ---- expectations ----

    private String nextTag() {
        return BadValues.OPEN_TAG + Integer.toString(++tags) + BadValues.CLOSE_TAG;
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
        return new Frame(kind, text == null ? null : values.sendable(text), binary, null, null, retcodes, check);
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
