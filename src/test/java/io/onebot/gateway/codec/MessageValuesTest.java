package io.onebot.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.message.Dice;
import io.onebot.gateway.protocol.message.Segment;
import io.onebot.gateway.protocol.message.SegmentData;
import io.onebot.gateway.protocol.message.Shake;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageValuesTest {

    private static JsonValue json(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** The segment a client would get by sending this type and data in the array form. */
    private static Segment segment(String type, String dataJson) {
        return Segment.read(type, new SegmentData("test", json(dataJson).asJsonObject(), MessageValues::read));
    }

    private static String errorOf(String message) {
        return assertThrows(IllegalArgumentException.class, () -> MessageValues.parse(json(message), false))
                .getMessage();
    }

    @Nested
    class Strings {

        @Test
        void stringIsDecodedAsCqCode() {
            assertEquals(List.of(Segment.text("hi "), segment("face", "{\"id\":\"1\"}")),
                    MessageValues.parse(Json.createValue("hi [CQ:face,id=1]"), false));
        }

        @Test
        void stringWithAutoEscapeIsLiteralText() {
            String literal = "hi [CQ:face,id=1] &amp; &#91;";
            assertEquals(List.of(Segment.text(literal)), MessageValues.parse(Json.createValue(literal), true));
        }

        @Test
        void emptyStringGivesNoSegments() {
            assertEquals(List.of(), MessageValues.parse(Json.createValue(""), false));
            assertEquals(List.of(), MessageValues.parse(Json.createValue(""), true));
        }

        @Test
        void whitespaceStringIsKept() {
            assertEquals(List.of(Segment.text(" ")), MessageValues.parse(Json.createValue(" "), true));
            assertEquals(List.of(Segment.text(" ")), MessageValues.parse(Json.createValue(" "), false));
        }
    }

    @Nested
    class SegmentObjects {

        @Test
        void arrayOfSegments() {
            JsonValue message = json("[{\"type\":\"text\",\"data\":{\"text\":\"[hi]\"}},"
                    + "{\"type\":\"at\",\"data\":{\"qq\":\"123\"}}]");
            assertEquals(List.of(Segment.text("[hi]"), segment("at", "{\"qq\":\"123\"}")),
                    MessageValues.parse(message, false));
        }

        @Test
        void autoEscapeDoesNotAffectSegmentObjects() {
            JsonValue message = json("[{\"type\":\"text\",\"data\":{\"text\":\"[CQ:face,id=1]\"}}]");
            assertEquals(List.of(Segment.text("[CQ:face,id=1]")), MessageValues.parse(message, false));
            assertEquals(List.of(Segment.text("[CQ:face,id=1]")), MessageValues.parse(message, true));
        }

        @Test
        void singleSegmentObject() {
            assertEquals(List.of(segment("face", "{\"id\":\"1\"}")),
                    MessageValues.parse(json("{\"type\":\"face\",\"data\":{\"id\":\"1\"}}"), false));
        }

        @Test
        void emptyArrayGivesNoSegments() {
            assertEquals(List.of(), MessageValues.parse(JsonValue.EMPTY_JSON_ARRAY, false));
        }

        @Test
        void missingOrNullDataBecomesEmpty() {
            assertEquals(List.of(new Shake(null), new Dice(null, null)),
                    MessageValues.parse(json("[{\"type\":\"shake\"},{\"type\":\"dice\",\"data\":null}]"), false));
        }

        @Test
        void extraMembersAreIgnored() {
            assertEquals(List.of(segment("face", "{\"id\":\"1\"}")),
                    MessageValues.parse(json("{\"type\":\"face\",\"data\":{\"id\":\"1\"},\"x\":2}"), false));
        }

        @Test
        void scalarDataValuesBecomeStrings() {
            JsonValue message = json("{\"type\":\"x\",\"data\":{\"qq\":123,\"big\":12345678901234567890,"
                    + "\"neg\":-7,\"f\":1.5,\"on\":true,\"off\":false,\"s\":\"keep\",\"gone\":null}}");
            JsonObject data = MessageValues.parse(message, false).get(0).data();
            assertEquals(json("{\"qq\":\"123\",\"big\":\"12345678901234567890\",\"neg\":\"-7\",\"f\":\"1.5\","
                    + "\"on\":\"true\",\"off\":\"false\",\"s\":\"keep\"}"), data);
            assertFalse(data.containsKey("gone"));
        }

        @Test
        void objectAndArrayDataValuesAreKept() {
            String content = "[{\"type\":\"text\",\"data\":{\"text\":\"hi\",\"n\":1}}]";
            JsonValue message = json("[{\"type\":\"node\",\"data\":{\"user_id\":10001,\"content\":" + content
                    + ",\"extra\":{\"a\":1},\"news\":[{\"text\":\"t\"}]}}]");
            JsonObject data = MessageValues.parse(message, false).get(0).data();
            assertEquals(json("[{\"type\":\"text\",\"data\":{\"text\":\"hi\",\"n\":\"1\"}}]"), data.get("content"));
            assertEquals(json("{\"a\":1}"), data.get("extra"));
            assertEquals(json("[{\"text\":\"t\"}]"), data.get("news"));
            assertEquals("10001", data.getString("user_id"));
        }

        @Test
        void resultIsUnmodifiable() {
            List<Segment> segments = MessageValues.parse(json("[{\"type\":\"shake\"}]"), false);
            assertThrows(UnsupportedOperationException.class, () -> segments.add(Segment.text("x")));
        }
    }

    @Nested
    class Errors {

        @Test
        void missingMessageIsRejected() {
            assertEquals("message is required",
                    assertThrows(IllegalArgumentException.class, () -> MessageValues.parse(null, false)).getMessage());
            assertEquals("message is required",
                    assertThrows(IllegalArgumentException.class, () -> MessageValues.parse(JsonValue.NULL, true))
                            .getMessage());
        }

        @Test
        void scalarMessageIsRejected() {
            assertEquals("message must be a string, a segment object or an array of segments, not a number",
                    errorOf("42"));
            assertEquals("message must be a string, a segment object or an array of segments, not a boolean",
                    errorOf("true"));
        }

        @Test
        void nonObjectElementIsRejected() {
            assertEquals("message[1] must be a segment object, not a string",
                    errorOf("[{\"type\":\"shake\"},\"hi\"]"));
            assertEquals("message[0] must be a segment object, not an array", errorOf("[[]]"));
            assertEquals("message[0] must be a segment object, not null", errorOf("[null]"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "\"type\":null,", "\"type\":\"\",", "\"type\":\"  \",", "\"type\":5,",
            "\"type\":{},"})
        void badTypeIsRejectedWithPosition(String typeMember) {
            String bad = "{" + typeMember + "\"data\":{}}";
            assertEquals("message[2].type must be a non-empty string",
                    errorOf("[{\"type\":\"a\"},{\"type\":\"b\"}," + bad + "]"));
            assertEquals("message.type must be a non-empty string", errorOf(bad));
        }

        @Test
        void nonObjectDataIsRejected() {
            assertEquals("message[0].data must be an object, not a string",
                    errorOf("[{\"type\":\"face\",\"data\":\"id=1\"}]"));
            assertEquals("message[0].data must be an object, not an array",
                    errorOf("[{\"type\":\"face\",\"data\":[]}]"));
            assertEquals("message.data must be an object, not a number",
                    errorOf("{\"type\":\"face\",\"data\":1}"));
        }
    }

    @Nested
    class AutoEscape {

        @ParameterizedTest
        @ValueSource(strings = {"true", "\"true\"", "\"TRUE\"", "\"True\"", "1", "1.0", "\"1\""})
        void truthyValues(String value) {
            assertTrue(MessageValues.autoEscape(json(value)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "null", "\"false\"", "\"yes\"", "\"\"", "0", "2", "-1", "{}", "[]",
            "[true]"})
        void otherValues(String value) {
            assertFalse(MessageValues.autoEscape(json(value)));
        }

        @Test
        void missingValue() {
            assertFalse(MessageValues.autoEscape(null));
        }
    }
}
