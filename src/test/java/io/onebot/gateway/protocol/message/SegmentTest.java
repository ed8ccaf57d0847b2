package io.onebot.gateway.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The records themselves: factories, constructor checks and the data object they write. */
class SegmentTest {

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String errorOf(Executable construction) {
        return assertThrows(IllegalArgumentException.class, construction).getMessage();
    }

    @Test
    void factoriesBuildTheUsualSegments() {
        assertEquals(object("{\"type\":\"text\",\"data\":{\"text\":\"hi\"}}"), Segment.text("hi").toJson());
        assertEquals(object("{\"type\":\"at\",\"data\":{\"qq\":\"10001\"}}"), Segment.at(10001).toJson());
        assertTrue(Segment.atAll().isAll());
        assertFalse(Segment.at(1).isAll());
        assertEquals(object("{\"type\":\"reply\",\"data\":{\"id\":\"42\"}}"), Segment.reply(42).toJson());
        assertEquals(object("{\"type\":\"image\",\"data\":{\"file\":\"a.png\"}}"), Segment.image("a.png").toJson());
        assertEquals(object("{\"type\":\"face\",\"data\":{\"id\":\"1\"}}"), Segment.face("1").toJson());
    }

    @Test
    void requiredFieldsAreCheckedWhenBuiltInCode() {
        assertThrows(NullPointerException.class, () -> new Text(null));
        assertEquals("at.qq is required", errorOf(() -> new At(null, "n", null)));
        assertEquals("at.qq is required", errorOf(() -> new At("", null, null)));
        assertEquals("reply.id is required", errorOf(() -> new Reply(null, null)));
        assertEquals("face.id is required", errorOf(() -> Segment.face("")));
        assertEquals("image.file is required", errorOf(() -> Segment.image(null)));
        assertEquals("music.url is required", errorOf(() -> new CustomMusic(null, "a", "t", null, null, null)));
        assertEquals("node.content is required", errorOf(() -> new CustomNode("1", "n", List.of(), null)));
        assertEquals("json.data is required", errorOf(() -> new JsonCard(null, null)));
    }

    @Test
    void missingExtraIsEmptyAndEmptyTextIsAllowed() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, new Shake(null).extra());
        assertEquals(object("{\"text\":\"\"}"), new Text("").data());
    }

    @Test
    void namedFieldsComeFirstAndWinOverExtraKeysOfTheSameName() {
        At at = new At("1", null, object("{\"z\":\"last\",\"qq\":\"2\",\"name\":\"extra\"}"));
        assertEquals(List.of("qq", "z", "name"), new ArrayList<>(at.data().keySet()));
        assertEquals("1", at.data().getString("qq"));
        assertEquals("extra", at.data().getString("name"));
    }

    @Test
    void customNodeCopiesItsContent() {
        List<Segment> content = new ArrayList<>(List.of(Segment.text("a")));
        CustomNode node = new CustomNode(null, null, content, null);
        content.add(Segment.text("b"));
        assertEquals(List.of(Segment.text("a")), node.content());
        assertEquals(Node.TYPE, node.type());
    }

    @Test
    void unknownIsOnlyForTypesWithoutARecord() {
        assertEquals("segment type must be a non-empty string", errorOf(() -> new Unknown(" ", null)));
        assertEquals("'at' is a known segment type; read it with Segment.read",
                errorOf(() -> new Unknown("at", object("{\"qq\":\"1\"}"))));
        Unknown miniapp = new Unknown("miniapp", null);
        assertEquals(object("{\"type\":\"miniapp\",\"data\":{}}"), miniapp.toJson());
        assertEquals(miniapp.data(), miniapp.extra());
    }

    @Test
    void everyKnownTypeReadsIntoItsOwnRecord() {
        for (String type : Segment.KNOWN_TYPES) {
            SegmentData data = new SegmentData("m", object("{\"text\":\"t\",\"id\":\"1\",\"qq\":\"1\",\"file\":\"f\","
                    + "\"type\":\"qq\",\"url\":\"u\",\"title\":\"t\",\"lat\":\"1\",\"lon\":\"2\",\"data\":\"d\","
                    + "\"content\":\"c\",\"emoji_package_id\":\"1\",\"emoji_id\":\"2\",\"key\":\"k\"}"),
                    (value, position) -> List.of(Segment.text(value.toString())));
            Segment segment = Segment.read(type, data);
            assertEquals(type, segment.type());
            assertFalse(segment instanceof Unknown, type);
        }
    }

    @Test
    void arrayWritesEachSegmentInOrder() {
        assertEquals(Json.createArrayBuilder()
                        .add(object("{\"type\":\"reply\",\"data\":{\"id\":\"1\"}}"))
                        .add(object("{\"type\":\"text\",\"data\":{\"text\":\"x\"}}")).build(),
                Segment.array(List.of(Segment.reply(1), Segment.text("x"))));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, Segment.array(List.of()));
    }
}
