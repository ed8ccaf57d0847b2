package io.onebot.gateway.codec;

import de.marhali.json5.Json5;
import de.marhali.json5.Json5Array;
import de.marhali.json5.Json5Element;
import de.marhali.json5.Json5Object;
import de.marhali.json5.Json5Primitive;
import de.marhali.json5.config.Json5Options;
import de.marhali.json5.stream.Json5Lexer;
import de.marhali.json5.stream.Json5Parser;
import io.onebot.gateway.protocol.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JSON text the way NapCat accepts it: strict JSON first (the fast, common case), and
 * JSON5 (comments, single quotes, unquoted keys, trailing commas, hex numbers) only when strict
 * parsing fails. Numbers that JSON cannot carry ({@code NaN}, {@code Infinity}) become null.
 */
public final class JsonText {

    /** Deepest nesting of arrays and objects accepted; deeper input is refused, never recursed into. */
    public static final int MAX_DEPTH = 512;
    /**
     * Longest number accepted, in characters; longer input is refused before it is parsed. It is
     * Parsson's limit for strict JSON, held for JSON5 too, whose parser turns every number into a
     * {@code BigDecimal} or {@code BigInteger} at once, in time quadratic in the digits: a number
     * of a million digits held a CPU for about a minute. Every bare word (an unquoted key,
     * {@code true}, {@code Infinity}) is held to it, as the scan cannot tell them from numbers.
     */
    public static final int MAX_NUMBER_LENGTH = 1100;

    private static final Json5Options OPTIONS = Json5Options.builder().allowNaN().allowInfinity().build();
    private static final Json5 JSON5 = new Json5(OPTIONS);
    /** How the JSON5 lexer states its position. */
    private static final Pattern POSITION = Pattern.compile("\\s*at index \\d+ \\[character (\\d+) in line (\\d+)]");

    private JsonText() {
    }

    /** Parses one JSON or JSON5 value. */
    public static JsonValue parse(String text) throws MalformedRequestException {
        if (text == null || text.isBlank()) {
            throw new MalformedRequestException("empty frame");
        }
        refuseOversized(text);
        try (JsonReader reader = Jsonp.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException strictFailure) {
            // Parsson signals bad syntax with JsonException and too deep nesting with a plain
            // RuntimeException; either way the lenient parser decides.
            return parseJson5(text);
        }
    }

    /**
     * Refuses text nested deeper than {@link #MAX_DEPTH} or holding a word longer than
     * {@link #MAX_NUMBER_LENGTH}, before either parser sees it: strict JSON and JSON5 are held to
     * the same limits, whatever the JSON-P provider's own are (Parsson nests up to 1000 levels).
     * Text of at most {@link #MAX_DEPTH} characters can exceed neither, so the common small frame
     * is not scanned.
     */
    private static void refuseOversized(String text) throws MalformedRequestException {
        if (text.length() <= MAX_DEPTH) {
            return;
        }
        Extent extent = measure(text);
        if (extent.depth() > MAX_DEPTH) {
            throw new MalformedRequestException("nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (extent.longestWord() > MAX_NUMBER_LENGTH) {
            throw new MalformedRequestException("a number or other bare word longer than " + MAX_NUMBER_LENGTH
                    + " characters");
        }
    }

    /**
     * Parses a whole JSON or JSON5 document, such as a configuration file, and says where it is
     * broken: the message starts with {@code line L, column C: } followed by the problem, so that
     * a person can find the mistake in a file of any length.
     */
    public static JsonValue parseDocument(String text) throws MalformedRequestException {
        if (text == null || text.isBlank()) {
            throw new MalformedRequestException("the document is empty");
        }
        refuseOversized(text);
        try (JsonReader reader = Jsonp.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException strictFailure) {
            // Comments, unquoted keys, mistakes: the JSON5 parser decides and locates errors.
        }
        Json5Lexer lexer = new Json5Lexer(new StringReader(blankBlockComments(text)), OPTIONS);
        Json5Element element;
        try {
            element = Json5Parser.parse(lexer);
        } catch (RuntimeException e) {
            throw located(lexer, e.getMessage());
        }
        if (lexer.nextClean() != 0) {
            throw located(lexer, "unexpected text after the end of the document");
        }
        return convert(element);
    }

    /** A failure whose message names the line and column the lexer stopped at. */
    private static MalformedRequestException located(Json5Lexer lexer, String problem) {
        Matcher at = POSITION.matcher(lexer.toString());
        String where = at.find() ? "line " + at.group(2) + ", column " + at.group(1) : "at the end";
        String what = problem == null ? "syntax error" : POSITION.matcher(problem).replaceAll("");
        return new MalformedRequestException(where + ": " + what);
    }

    private static JsonValue parseJson5(String text) throws MalformedRequestException {
        try {
            return convert(JSON5.parse(blankBlockComments(text)));
        } catch (RuntimeException e) {
            throw new MalformedRequestException("not JSON or JSON5");
        }
    }

    /**
     * The text with every closed block comment turned into spaces, line breaks kept so that
     * positions stay where they were. The JSON5 parser fails on a comment of nothing or of one
     * space ({@code /}{@code **}{@code /}, {@code /}{@code * *}{@code /}) with an index exception;
     * comments are whitespace to JSON5, so blanking them changes nothing else. An unclosed comment
     * is left for the parser to refuse.
     */
    static String blankBlockComments(String text) {
        if (text.indexOf("/*") < 0) {
            return text;
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfString(text, i, c);
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
                i = endOfLine(text, i + 2);
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    break;
                }
                out = out == null ? new StringBuilder(text) : out;
                for (int k = i; k < close + 2; k++) {
                    char blanked = text.charAt(k);
                    if (blanked != '\n' && blanked != '\r' && blanked != '\u2028' && blanked != '\u2029') {
                        out.setCharAt(k, ' ');
                    }
                }
                i = close + 1;
            }
        }
        return out == null ? text : out.toString();
    }

    /** The deepest bracket nesting outside string literals and comments. */
    static int nestingDepth(String text) {
        return measure(text).depth();
    }

    /**
     * What lies outside string literals and comments: the deepest bracket nesting and the longest
     * bare word (letters, digits and {@code . _ $ + -}, which every number is made of). Cheap, and
     * run before the recursive JSON5 parser so that no input can exhaust its stack or its time.
     */
    static Extent measure(String text) {
        int depth = 0;
        int max = 0;
        int word = 0;
        int longest = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isWordCharacter(c)) {
                longest = Math.max(longest, ++word);
                continue;
            }
            word = 0;
            if (c == '"' || c == '\'') {
                i = endOfString(text, i, c);
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
                i = endOfLine(text, i + 2);
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 1;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return new Extent(max, longest);
    }

    /** The result of {@link #measure}. */
    record Extent(int depth, int longestWord) {
    }

    private static boolean isWordCharacter(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c == '.' || c == '_' || c == '$' || c == '+' || c == '-';
    }

    /**
     * The index of the line terminator that ends a line comment, or the end of the text. JSON5
     * (and the JSON5 parser) ends a line at CR, LF, U+2028 or U+2029; a scan that stopped only at
     * LF would take what follows a CR for comment and not count its brackets.
     */
    private static int endOfLine(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return text.length();
    }

    /** The index of the quote closing the string that opens at {@code start}, or the end of the text. */
    private static int endOfString(String text, int start, char quote) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length();
    }

    private static JsonValue convert(Json5Element element) {
        if (element == null || element.isJson5Null()) {
            return JsonValue.NULL;
        }
        if (element.isJson5Object()) {
            JsonObjectBuilder object = Jsonp.createObjectBuilder();
            for (Map.Entry<String, Json5Element> entry : ((Json5Object) element).entrySet()) {
                object.add(entry.getKey(), convert(entry.getValue()));
            }
            return object.build();
        }
        if (element.isJson5Array()) {
            JsonArrayBuilder array = Jsonp.createArrayBuilder();
            for (Json5Element item : (Json5Array) element) {
                array.add(convert(item));
            }
            return array.build();
        }
        Json5Primitive primitive = element.getAsJson5Primitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (primitive.isNumber()) {
            return number(primitive);
        }
        return Jsonp.createValue(primitive.getAsString());
    }

    private static JsonValue number(Json5Primitive primitive) {
        if (primitive.isHexNumber() || primitive.isOctalNumber() || primitive.isBinaryNumber()) {
            return Jsonp.createValue(primitive.getAsBigInteger());
        }
        Number number = primitive.getAsNumber();
        if (number instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return JsonValue.NULL;
        }
        if (number instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return JsonValue.NULL;
        }
        try {
            BigDecimal decimal = new BigDecimal(number.toString());
            return decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 18
                    ? Jsonp.createValue(decimal.longValueExact())
                    : Jsonp.createValue(decimal);
        } catch (NumberFormatException e) {
            return JsonValue.NULL;
        }
    }
}
