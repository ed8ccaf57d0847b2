package io.onebot.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins down {@link JsonText#parse}: strict JSON, the JSON5 fallback, and refusal of empty, garbage and too deep input. */
class JsonTextTest {

    private static JsonValue strict(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static JsonObject parseObject(String text) throws MalformedRequestException {
        return assertInstanceOf(JsonObject.class, JsonText.parse(text));
    }

    @Test
    void strictJsonIsParsed() throws Exception {
        String json = "{\"action\":\"send_msg\",\"params\":{\"user_id\":123,\"ok\":true,\"none\":null,"
                + "\"list\":[1,2.5,\"三\"]},\"echo\":\"e\"}";

        assertEquals(strict(json), JsonText.parse(json));
    }

    @Test
    void strictTopLevelPrimitivesAndArraysAreValues() throws Exception {
        assertEquals(Json.createValue("x"), JsonText.parse("\"x\""));
        assertEquals(Json.createValue(42), JsonText.parse("42"));
        assertEquals(JsonValue.TRUE, JsonText.parse("true"));
        assertEquals(JsonValue.NULL, JsonText.parse("null"));
        assertEquals(strict("[1,\"a\"]"), JsonText.parse("[1,\"a\"]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{action:'get_status', params:{user_id:1}}",
        "{'action':\"get_status\",'params':{'user_id':1,},}",
        "// leading comment\n{\"action\":\"get_status\",/* inline */\"params\":{\"user_id\":1}}",
        "{\n  action: 'get_status', // trailing comment\n  params: {user_id: 1,},\n}"})
    void json5FallbackAcceptsKeysQuotesCommentsAndTrailingCommas(String text) throws Exception {
        assertEquals(strict("{\"action\":\"get_status\",\"params\":{\"user_id\":1}}"), JsonText.parse(text));
    }

    @Test
    void json5ArrayWithTrailingComma() throws Exception {
        assertEquals(strict("[1,2]"), JsonText.parse("[1,2,]"));
    }

    @Test
    void json5SingleQuotedStringMayContainDoubleQuotes() throws Exception {
        assertEquals("say \"hi\"", parseObject("{text:'say \"hi\"'}").getString("text"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0x10  | 16
            0XFF  | 255
            +1    | 1
            +1.5  | 1.5
            .5    | 0.5
            -.25  | -0.25
            """)
    void json5NumbersAreConverted(String json5, String expected) throws Exception {
        JsonNumber number = assertInstanceOf(JsonNumber.class, parseObject("{n:" + json5 + "}").get("n"));

        assertEquals(0, new BigDecimal(expected).compareTo(number.bigDecimalValue()),
                () -> json5 + " gave " + number);
    }

    @Test
    void json5WholeNumbersStayExact() throws Exception {
        JsonObject object = parseObject("{small:42, big:9007199254740993, huge:123456789012345678901234567890}");

        assertEquals("42", object.get("small").toString());
        assertEquals("9007199254740993", object.get("big").toString());
        assertEquals("123456789012345678901234567890", object.get("huge").toString());
    }

    @Test
    void json5NaNAndInfinityBecomeNull() throws Exception {
        JsonObject object = parseObject("{a:NaN, b:Infinity, c:-Infinity, d:+Infinity, e:1}");

        assertEquals(JsonValue.NULL, object.get("a"));
        assertEquals(JsonValue.NULL, object.get("b"));
        assertEquals(JsonValue.NULL, object.get("c"));
        assertEquals(JsonValue.NULL, object.get("d"));
        assertEquals(Json.createValue(1), object.get("e"));
    }

    @Test
    void nullTextIsMalformed() {
        assertThrows(MalformedRequestException.class, () -> JsonText.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t ", "garbage", "{", "}", "{\"a\":", "{\"a\" 1}", "[1,,2]",
        "{'a':'unterminated}", "undefined"})
    void emptyBlankOrGarbageIsMalformed(String text) {
        assertThrows(MalformedRequestException.class, () -> JsonText.parse(text));
    }

    @Test
    void deeplyNestedUnclosedArraysAreRefusedWithoutRecursing() {
        String text = "[".repeat(100_000);

        assertThrows(MalformedRequestException.class, () -> JsonText.parse(text));
    }

    @Test
    void deeplyNestedBalancedJson5IsRefusedWithoutRecursing() {
        String text = "{a:".repeat(50_000) + "1" + "}".repeat(50_000);

        assertThrows(MalformedRequestException.class, () -> JsonText.parse(text));
    }

    @Test
    void deeplyNestedInputAfterACommentWithAQuoteIsRefusedWithoutRecursing() {
        String text = "// it's deep\n" + "[".repeat(100_000) + "]".repeat(100_000);

        assertThrows(MalformedRequestException.class, () -> JsonText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\u2028", "\u2029"})
    void aLineCommentEndsWhereTheJson5ParserEndsIt(String lineEnd) {
        // Counted as part of the comment, these brackets overflowed the JSON5 parser's stack:
        // a StackOverflowError, which no catch for runtime exceptions stops.
        String text = "// deep" + lineEnd + "[".repeat(100_000) + "]".repeat(100_000);

        assertThrows(MalformedRequestException.class, () -> JsonText.parse(text));
        assertThrows(MalformedRequestException.class, () -> JsonText.parseDocument(text));
        assertEquals(2, JsonText.nestingDepth("{// x" + lineEnd + "a:[1]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/**/", "/* */", "/*  */", "/***/", "/*\n*/"})
    void anEmptyBlockCommentIsWhitespace(String comment) throws Exception {
        JsonObject request = parseObject(comment + "{action:'get_status'" + comment + ",echo:" + comment + "1}" + comment);

        assertEquals("get_status", request.getString("action"));
        assertEquals(1, request.getInt("echo"));
        assertEquals(1, JsonText.parseDocument("{a:" + comment + "1}").asJsonObject().getInt("a"));
    }

    @Test
    void blankedCommentsKeepTheLinesOfLaterMistakes() {
        MalformedRequestException commented = assertThrows(MalformedRequestException.class,
                () -> JsonText.parseDocument("{\n  /**/ a: 1, /* x\n y */\n  b: tru\n}"));
        MalformedRequestException plain = assertThrows(MalformedRequestException.class,
                () -> JsonText.parseDocument("{\n       a: 1,       \n     \n  b: tru\n}"));
        assertEquals(plain.getMessage(), commented.getMessage());
        assertEquals("{'/**/'  \n  }", JsonText.blankBlockComments("{'/**/'/*\n*/}"));
    }

    @Test
    void json5NestingUpToTheLimitIsAccepted() throws Exception {
        String text = "[".repeat(JsonText.MAX_DEPTH) + "1," + "]".repeat(JsonText.MAX_DEPTH);

        JsonValue value = JsonText.parse(text);

        int depth = 0;
        while (value.getValueType() == JsonValue.ValueType.ARRAY) {
            value = value.asJsonArray().get(0);
            depth++;
        }
        assertEquals(JsonText.MAX_DEPTH, depth);
        assertEquals(Json.createValue(1), value);
    }

    @Test
    void strictJsonIsHeldToTheSameDepthLimit() throws Exception {
        String atLimit = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
        String deeper = "{\"a\":" + atLimit + "}";

        assertEquals(JsonValue.ValueType.ARRAY, JsonText.parse(atLimit).getValueType());
        assertEquals(JsonValue.ValueType.ARRAY, JsonText.parseDocument(atLimit).getValueType());
        assertThrows(MalformedRequestException.class, () -> JsonText.parse(deeper));
        assertThrows(MalformedRequestException.class, () -> JsonText.parseDocument(deeper));
    }

    @Test
    void numbersUpToTheLengthLimitAreReadInEitherSyntax() throws Exception {
        String digits = "7".repeat(JsonText.MAX_NUMBER_LENGTH);

        assertEquals(new BigDecimal(digits), ((JsonNumber) JsonText.parse("[" + digits + "]").asJsonArray().get(0))
                .bigDecimalValue());
        assertEquals(new BigDecimal(digits), ((JsonNumber) JsonText.parse("{a:" + digits + ",}").asJsonObject().get("a"))
                .bigDecimalValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[%s]", "{a:%s}", "{a:0x%s}", "{a:1.%s}", "{\"action\":\"get_status\",\"echo\":%s}"})
    void aMillionDigitNumberIsRefusedBeforeAnyParserSpendsMinutesOnIt(String form) {
        String text = form.formatted("1".repeat(1_000_000));

        // The JSON5 parser makes a BigInteger of every number, in time quadratic in its digits.
        MalformedRequestException refused = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(MalformedRequestException.class, () -> JsonText.parse(text)));
        assertTrue(refused.getMessage().contains(Integer.toString(JsonText.MAX_NUMBER_LENGTH)), refused.getMessage());
        assertThrows(MalformedRequestException.class, () -> JsonText.parseDocument(text));
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        assertEquals(0, JsonText.nestingDepth("'[[[' \"{{{\" 'it\\'s [' "));
        assertEquals(2, JsonText.nestingDepth("{a:['x]']}"));
    }

    @Test
    void aDocumentWithCommentsIsRead() throws Exception {
        JsonValue value = JsonText.parseDocument("{\n  // who\n  self: {user_id: 10001,},\n}");
        assertEquals(10001, value.asJsonObject().getJsonObject("self").getInt("user_id"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\\n  a: 1,\\n  b: tru\\n}                 | line 4, column 1: Illegal value 'tru'",
            "{a: 1\\n b: 2}                             | line 2, column 6: Expected decimal digit",
            "{a: 1} extra                              | line 1, column 8: unexpected text after the end"})
    void aBrokenDocumentIsReportedWithItsPosition(String text, String expected) {
        MalformedRequestException error = assertThrows(MalformedRequestException.class,
                () -> JsonText.parseDocument(text.replace("\\n", "\n")));
        assertTrue(error.getMessage().startsWith(expected.strip()), error.getMessage());
    }
}
