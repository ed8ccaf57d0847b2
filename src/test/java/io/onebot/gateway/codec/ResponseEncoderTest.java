package io.onebot.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.action.ActionResponse;
import io.onebot.gateway.protocol.action.RetCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins down the response envelope: its exact keys, data through JSON-B in snake_case, and the echo written back verbatim. */
class ResponseEncoderTest {

    private static final Set<String> ENVELOPE_KEYS = Set.of("status", "retcode", "data", "message", "wording", "echo");

    private final ResponseEncoder encoder = new ResponseEncoder();

    @AfterEach
    void closeEncoder() {
        encoder.close();
    }

    /** A typed action result, as a core would return it. */
    public record SampleResult(long userId, String nickName, String remark, List<String> groupNames) {
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static JsonObject object(String text) {
        return json(text).asJsonObject();
    }

    @Test
    void okEnvelopeHasExactlyTheSixKeys() {
        String text = encoder.encode(ActionResponse.ok(object("{\"online\":true}"), Json.createValue("e1")));

        JsonObject envelope = object(text);
        assertEquals(ENVELOPE_KEYS, envelope.keySet());
        assertEquals("ok", envelope.getString("status"));
        assertEquals(0, envelope.getInt("retcode"));
        assertEquals(object("{\"online\":true}"), envelope.getJsonObject("data"));
        assertEquals("", envelope.getString("message"));
        assertEquals("", envelope.getString("wording"));
        assertEquals(Json.createValue("e1"), envelope.get("echo"));
    }

    @Test
    void failedEnvelopeHasExactlyTheSixKeys() {
        String text = encoder.encode(ActionResponse.failed(RetCode.ACTION_FAILED, "消息不存在 \"42\"\n", JsonValue.NULL));

        JsonObject envelope = object(text);
        assertEquals(ENVELOPE_KEYS, envelope.keySet());
        assertEquals("failed", envelope.getString("status"));
        assertEquals(1200, envelope.getInt("retcode"));
        assertEquals(JsonValue.NULL, envelope.get("data"));
        assertEquals("消息不存在 \"42\"\n", envelope.getString("message"));
        assertEquals("消息不存在 \"42\"\n", envelope.getString("wording"));
        assertEquals(JsonValue.NULL, envelope.get("echo"));
    }

    @Test
    void nullDataIsWrittenAsJsonNull() {
        String text = encoder.encode(ActionResponse.ok(null, JsonValue.NULL));

        assertEquals("{\"status\":\"ok\",\"retcode\":0,\"data\":null,\"message\":\"\",\"wording\":\"\",\"echo\":null}", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"reqid\":\"x\"}", "\"42\"", "42", "9007199254740993", "123456789012345678901234567890",
        "-0.5", "[1,\"a\"]", "[]", "{}", "true", "false", "null", "\"引号\\\"和\\\\\""})
    void echoOfEveryJsonTypeIsWrittenBackVerbatim(String echo) throws Exception {
        JsonValue parsed = RequestDecoder.decode("{\"action\":\"x\",\"echo\":" + echo + "}").echo();

        String ok = encoder.encode(ActionResponse.ok(null, parsed));
        String failed = encoder.encode(ActionResponse.failed(RetCode.UNKNOWN_ACTION, "no", parsed));

        assertTrue(ok.endsWith(",\"echo\":" + echo + "}"), ok);
        assertTrue(failed.endsWith(",\"echo\":" + echo + "}"), failed);
    }

    @Test
    void recordResultIsWrittenInSnakeCaseWithoutNullFields() {
        String text = encoder.encode(ActionResponse.ok(new SampleResult(10001L, "Bot", null, List.of("g1")), JsonValue.NULL));

        assertEquals(object("{\"user_id\":10001,\"nick_name\":\"Bot\",\"group_names\":[\"g1\"]}"),
                object(text).getJsonObject("data"));
    }

    @Test
    void jsonValueResultIsWrittenAsItIs() {
        assertEquals("[1,{\"a\":null}]", encoder.data(json("[1,{\"a\":null}]")));
        assertEquals("null", encoder.data(null));
    }

    @Test
    void envelopeHasNoPostType() {
        String text = encoder.encode(ActionResponse.ok(object("{\"message_id\":1}"), Json.createValue(1)));

        assertFalse(object(text).containsKey("post_type"));
        assertFalse(text.contains("post_type"), text);
    }

    @Test
    void failedAnswerWithRetcodeOkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ActionResponse.failed(RetCode.OK, "no", JsonValue.NULL));
    }

    @Test
    void tokenRefusalFrameIsNapCatsExactText() {
        String text = encoder.encode(ActionResponse.failed(RetCode.FORBIDDEN, "token验证失败", JsonValue.NULL));

        assertEquals("{\"status\":\"failed\",\"retcode\":1403,\"data\":null,\"message\":\"token验证失败\","
                + "\"wording\":\"token验证失败\",\"echo\":null}", text);
    }
}
