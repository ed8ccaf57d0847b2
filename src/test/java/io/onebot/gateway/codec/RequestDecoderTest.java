package io.onebot.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.action.ActionRequest;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins down how one frame becomes an {@link ActionRequest}: shape checks, params defaults and the raw echo. */
class RequestDecoderTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void fullRequestIsDecoded() throws Exception {
        ActionRequest request = RequestDecoder.decode(
                "{\"action\":\"send_private_msg\",\"params\":{\"user_id\":1,\"message\":\"hi\"},\"echo\":\"e-1\"}");

        assertEquals("send_private_msg", request.action());
        assertEquals(json("{\"user_id\":1,\"message\":\"hi\"}"), request.params());
        assertEquals(Json.createValue("e-1"), request.echo());
    }

    @Test
    void json5RequestIsDecoded() throws Exception {
        ActionRequest request = RequestDecoder.decode("{action:'get_status', params:{user_id:0x10,}, echo:'x',}");

        assertEquals("get_status", request.action());
        assertEquals(16, request.params().getInt("user_id"));
        assertEquals(Json.createValue("x"), request.echo());
    }

    @Test
    void missingParamsIsAnEmptyObject() throws Exception {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, RequestDecoder.decode("{\"action\":\"get_status\"}").params());
    }

    @Test
    void nullParamsIsAnEmptyObject() throws Exception {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT,
                RequestDecoder.decode("{\"action\":\"get_status\",\"params\":null}").params());
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "\"text\"", "true", "false", "null", "[]", "[{\"action\":\"get_status\"}]"})
    void topLevelPrimitivesAndArraysAreMalformed(String text) {
        assertThrows(MalformedRequestException.class, () -> RequestDecoder.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"action\":", "{action:'x'"})
    void emptyOrGarbageIsMalformed(String text) {
        assertThrows(MalformedRequestException.class, () -> RequestDecoder.decode(text));
    }

    @Test
    void deeplyNestedRequestIsMalformedWithoutStackOverflow() {
        String text = "{\"action\":\"x\",\"params\":{\"a\":" + "[".repeat(100_000);

        assertThrows(MalformedRequestException.class, () -> RequestDecoder.decode(text));
        assertThrows(MalformedRequestException.class, () -> RequestDecoder.decode("[".repeat(100_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "[]", "[1]", "42", "true"})
    void paramsOfAnotherTypeIsInvalidAndKeepsTheEcho(String params) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RequestDecoder.decode(
                "{\"action\":\"get_status\",\"params\":" + params + ",\"echo\":{\"id\":7}}"));

        assertEquals(json("{\"id\":7}"), e.echo());
        assertTrue(e.getMessage().contains("params"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"action\":42,", "\"action\":null,", "\"action\":{},", "\"action\":[\"x\"],",
        "\"action\":true,"})
    void actionMissingOrNotAStringIsInvalidAndKeepsTheEcho(String action) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> RequestDecoder.decode("{" + action + "\"params\":{},\"echo\":\"e\"}"));

        assertEquals(Json.createValue("e"), e.echo());
        assertTrue(e.getMessage().contains("action"), e::getMessage);
    }

    @Test
    void invalidRequestWithoutEchoCarriesJsonNull() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> RequestDecoder.decode("{\"params\":{}}"));

        assertEquals(JsonValue.NULL, e.echo());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"\"", "\"42\"", "42", "-7", "1.5", "9007199254740993",
        "123456789012345678901234567890", "{\"reqid\":\"x\",\"n\":[1,{}]}", "{}", "[1,\"a\",null]", "[]",
        "true", "false"})
    void echoIsKeptAsRawJsonOfEveryType(String echo) throws Exception {
        ActionRequest request = RequestDecoder.decode("{\"action\":\"a\",\"echo\":" + echo + "}");

        assertEquals(json(echo), request.echo());
        assertEquals(echo, request.echo().toString());
    }

    @Test
    void bigIntegerEchoIsExactInJson5Too() throws Exception {
        ActionRequest request = RequestDecoder.decode("{action:'a', echo:9007199254740993,}");

        assertEquals("9007199254740993", request.echo().toString());
    }

    @Test
    void nullOrAbsentEchoIsJsonNull() throws Exception {
        assertSame(JsonValue.NULL, RequestDecoder.decode("{\"action\":\"a\",\"echo\":null}").echo());
        assertSame(JsonValue.NULL, RequestDecoder.decode("{\"action\":\"a\"}").echo());
    }
}
