package io.onebot.gateway.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.core.Alias;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.Required;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins down how a {@code params} object is bound onto a parameter record, with NapCat's lenient coercions. */
class ParamsBinderTest {

    record Numbers(long userId, int groupId, Long boxedLong, Integer boxedInt) {
    }

    record Flags(boolean autoEscape, Boolean boxedFlag) {
    }

    record Texts(String messageText, JsonValue anyValue, JsonObject someObject) {
    }

    record Needed(@Required String message, @Required long userId) {
    }

    record Unsupported(double ratio) {
    }

    record Aliased(@Alias("reverseOrder") Boolean reverseOrder) {
    }

    private static JsonObject params(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static <P extends Record> P bind(Class<P> type, String json) {
        return ParamsBinder.of(type).bind(params(json));
    }

    private static InvalidParamsException refusal(Class<? extends Record> type, String json) {
        return assertThrows(InvalidParamsException.class, () -> bind(type, json));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"userId, user_id", "groupId, group_id", "autoEscape, auto_escape", "message, message",
        "messageIdV2, message_id_v2"})
    void componentNamesAreSnakeCase(String component, String wire) {
        assertEquals(wire, ParamsBinder.snakeCase(component));
    }

    @Test
    void snakeCaseParametersAreBound() {
        Numbers numbers = bind(Numbers.class, "{\"user_id\":1,\"group_id\":2,\"boxed_long\":3,\"boxed_int\":4,"
                + "\"userId\":99}");

        assertEquals(new Numbers(1L, 2, 3L, 4), numbers);
    }

    @Test
    void numericStringsAreAcceptedForIntegers() {
        assertEquals(new Numbers(12L, -7, 9007199254740993L, 0),
                bind(Numbers.class, "{\"user_id\":\" 12 \",\"group_id\":\"-7\",\"boxed_long\":\"9007199254740993\","
                        + "\"boxed_int\":\"+0\"}"));
    }

    @Test
    void integersKeepTheirFullRange() {
        assertEquals(new Numbers(Long.MAX_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE),
                bind(Numbers.class, "{\"user_id\":9223372036854775807,\"group_id\":-2147483648,"
                        + "\"boxed_long\":\"-9223372036854775808\",\"boxed_int\":2147483647}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"1.5\"", "\"abc\"", "\"\"", "\"12abc\"", "true", "[1]", "{}", "1e400",
        "9223372036854775808", "\"9223372036854775808\"", "-9223372036854775809"})
    void longRefusesFractionsOverflowAndNonNumbers(String value) {
        InvalidParamsException e = refusal(Numbers.class, "{\"user_id\":" + value + "}");

        assertEquals("user_id", e.parameter());
        assertTrue(e.getMessage().contains("user_id"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "\"-2147483649\"", "0.5", "\"x\""})
    void intRefusesOverflowFractionsAndNonNumbers(String value) {
        InvalidParamsException e = refusal(Numbers.class, "{\"group_id\":" + value + "}");

        assertEquals("group_id", e.parameter());
        assertTrue(e.getMessage().contains("group_id"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "\"true\"", "\"TRUE\"", "1", "\"1\""})
    void truthyValuesBindToTrue(String value) {
        assertEquals(new Flags(true, true), bind(Flags.class,
                "{\"auto_escape\":" + value + ",\"boxed_flag\":" + value + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "\"false\"", "0", "\"0\""})
    void falsyValuesBindToFalse(String value) {
        assertEquals(new Flags(false, false), bind(Flags.class,
                "{\"auto_escape\":" + value + ",\"boxed_flag\":" + value + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "\"yes\"", "[]", "{}"})
    void otherValuesAreNotBooleans(String value) {
        InvalidParamsException e = refusal(Flags.class, "{\"auto_escape\":" + value + "}");

        assertEquals("auto_escape", e.parameter());
        assertTrue(e.getMessage().contains("auto_escape"), e::getMessage);
    }

    @Test
    void stringsAreTakenFromStringsNumbersAndBooleans() {
        assertEquals("hi", bind(Texts.class, "{\"message_text\":\"hi\"}").messageText());
        assertEquals("123", bind(Texts.class, "{\"message_text\":123}").messageText());
        assertEquals("1.5", bind(Texts.class, "{\"message_text\":1.5}").messageText());
        assertEquals("true", bind(Texts.class, "{\"message_text\":true}").messageText());
    }

    @Test
    void stringRefusesObjectsAndArrays() {
        assertEquals("message_text", refusal(Texts.class, "{\"message_text\":{}}").parameter());
        assertEquals("message_text", refusal(Texts.class, "{\"message_text\":[\"a\"]}").parameter());
    }

    @Test
    void jsonValuesArePassedAsSent() {
        Texts texts = bind(Texts.class, "{\"any_value\":[1,\"a\"],\"some_object\":{\"k\":1}}");

        assertEquals(params("{\"v\":[1,\"a\"]}").get("v"), texts.anyValue());
        assertEquals(params("{\"k\":1}"), texts.someObject());
        assertEquals("some_object", refusal(Texts.class, "{\"some_object\":[]}").parameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"user_id\":1}", "{\"message\":null,\"user_id\":1}"})
    void requiredStringMissingOrNullIsRefused(String json) {
        InvalidParamsException e = refusal(Needed.class, json);

        assertEquals("message", e.parameter());
        assertTrue(e.getMessage().contains("message"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"message\":\"hi\"}", "{\"message\":\"hi\",\"user_id\":null}"})
    void requiredPrimitiveMissingOrNullIsRefused(String json) {
        assertEquals("user_id", refusal(Needed.class, json).parameter());
    }

    @Test
    void requiredParametersPresentAreBound() {
        assertEquals(new Needed("hi", 5L), bind(Needed.class, "{\"message\":\"hi\",\"user_id\":\"5\"}"));
    }

    @Test
    void absentPrimitivesAreZeroAndBoxedAreNull() {
        Numbers numbers = bind(Numbers.class, "{}");
        Flags flags = bind(Flags.class, "{\"auto_escape\":null,\"boxed_flag\":null}");
        Texts texts = bind(Texts.class, "{}");

        assertEquals(0L, numbers.userId());
        assertEquals(0, numbers.groupId());
        assertNull(numbers.boxedLong());
        assertNull(numbers.boxedInt());
        assertFalse(flags.autoEscape());
        assertNull(flags.boxedFlag());
        assertNull(texts.messageText());
        assertNull(texts.anyValue());
        assertNull(texts.someObject());
    }

    @Test
    void anAliasIsReadWhenTheSnakeCaseNameIsAbsentOrNull() {
        assertEquals(new Aliased(true), bind(Aliased.class, "{\"reverseOrder\":true}"));
        assertEquals(new Aliased(true), bind(Aliased.class, "{\"reverse_order\":null,\"reverseOrder\":\"1\"}"));
        assertEquals(new Aliased(false), bind(Aliased.class, "{\"reverse_order\":false,\"reverseOrder\":true}"));
        assertNull(bind(Aliased.class, "{}").reverseOrder());
        assertEquals("reverseOrder", refusal(Aliased.class, "{\"reverseOrder\":\"maybe\"}").parameter());
    }

    @Test
    void noParamsIgnoresWhateverIsSent() {
        assertEquals(new NoParams(), bind(NoParams.class, "{\"anything\":1}"));
    }

    @Test
    void unsupportedComponentTypeFailsWhenTheBinderIsBuilt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParamsBinder.of(Unsupported.class));

        assertTrue(e.getMessage().contains("double"), e::getMessage);
    }

    @Test
    void longMessagesShortenTheOffendingValue() {
        String longText = "x".repeat(500);

        InvalidParamsException e = refusal(Numbers.class, "{\"user_id\":\"" + longText + "\"}");

        assertTrue(e.getMessage().length() < 200, e::getMessage);
        assertEquals("user_id", e.parameter());
    }
}
