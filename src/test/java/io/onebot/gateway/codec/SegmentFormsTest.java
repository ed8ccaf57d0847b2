package io.onebot.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.onebot.gateway.protocol.message.Anonymous;
import io.onebot.gateway.protocol.message.At;
import io.onebot.gateway.protocol.message.Contact;
import io.onebot.gateway.protocol.message.CustomMusic;
import io.onebot.gateway.protocol.message.CustomNode;
import io.onebot.gateway.protocol.message.Dice;
import io.onebot.gateway.protocol.message.Face;
import io.onebot.gateway.protocol.message.FileSegment;
import io.onebot.gateway.protocol.message.Forward;
import io.onebot.gateway.protocol.message.Image;
import io.onebot.gateway.protocol.message.JsonCard;
import io.onebot.gateway.protocol.message.Location;
import io.onebot.gateway.protocol.message.Markdown;
import io.onebot.gateway.protocol.message.MarketFace;
import io.onebot.gateway.protocol.message.Music;
import io.onebot.gateway.protocol.message.Node;
import io.onebot.gateway.protocol.message.Poke;
import io.onebot.gateway.protocol.message.Rps;
import io.onebot.gateway.protocol.message.Segment;
import io.onebot.gateway.protocol.message.Shake;
import io.onebot.gateway.protocol.message.Share;
import io.onebot.gateway.protocol.message.Text;
import io.onebot.gateway.protocol.message.Unknown;
import io.onebot.gateway.protocol.message.Video;
import io.onebot.gateway.protocol.message.Voice;
import io.onebot.gateway.protocol.message.XmlCard;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every segment type in both wire forms: the array form ({@code {type, data}}) and the CQ code
 * form, written from the record and read back into an equal record.
 */
class SegmentFormsTest {

    private static JsonValue json(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static JsonObject object(String json) {
        return json(json).asJsonObject();
    }

    private static String errorOf(String message) {
        return assertThrows(IllegalArgumentException.class, () -> MessageValues.parse(json(message), false))
                .getMessage();
    }

    /** A segment, its array form and its CQ code form. */
    static Stream<Arguments> everyType() {
        return Stream.of(
            arguments(new Text("a&b[c],d"), "{\"type\":\"text\",\"data\":{\"text\":\"a&b[c],d\"}}",
                    "a&amp;b&#91;c&#93;,d"),
            arguments(Segment.face("14"), "{\"type\":\"face\",\"data\":{\"id\":\"14\"}}", "[CQ:face,id=14]"),
            arguments(new Image("a.jpg", "flash", "http://x/?a=1,b", "1", "0", "30", "[pic]", "1", null),
                    "{\"type\":\"image\",\"data\":{\"file\":\"a.jpg\",\"type\":\"flash\",\"url\":\"http://x/?a=1,b\","
                            + "\"cache\":\"1\",\"proxy\":\"0\",\"timeout\":\"30\",\"summary\":\"[pic]\",\"sub_type\":\"1\"}}",
                    "[CQ:image,file=a.jpg,type=flash,url=http://x/?a=1&#44;b,cache=1,proxy=0,timeout=30,"
                            + "summary=&#91;pic&#93;,sub_type=1]"),
            arguments(new Image(null, null, "http://x/i.png", null, null, null, null, null, null),
                    "{\"type\":\"image\",\"data\":{\"url\":\"http://x/i.png\"}}", "[CQ:image,url=http://x/i.png]"),
            arguments(new Voice("v.amr", "1", null, null, null, null, null),
                    "{\"type\":\"record\",\"data\":{\"file\":\"v.amr\",\"magic\":\"1\"}}", "[CQ:record,file=v.amr,magic=1]"),
            arguments(new Video("v.mp4", null, null, null, null, "t.jpg", null),
                    "{\"type\":\"video\",\"data\":{\"file\":\"v.mp4\",\"thumb\":\"t.jpg\"}}", "[CQ:video,file=v.mp4,thumb=t.jpg]"),
            arguments(Segment.at(10001), "{\"type\":\"at\",\"data\":{\"qq\":\"10001\"}}", "[CQ:at,qq=10001]"),
            arguments(Segment.atAll(), "{\"type\":\"at\",\"data\":{\"qq\":\"all\"}}", "[CQ:at,qq=all]"),
            arguments(new At("123", "Bob, the [one]", null), "{\"type\":\"at\",\"data\":{\"qq\":\"123\",\"name\":\"Bob, the [one]\"}}",
                    "[CQ:at,qq=123,name=Bob&#44; the &#91;one&#93;]"),
            arguments(new Rps(null, null), "{\"type\":\"rps\",\"data\":{}}", "[CQ:rps]"),
            arguments(new Dice("6", null), "{\"type\":\"dice\",\"data\":{\"result\":\"6\"}}", "[CQ:dice,result=6]"),
            arguments(new Shake(null), "{\"type\":\"shake\",\"data\":{}}", "[CQ:shake]"),
            arguments(new Poke("126", "2003", null, null), "{\"type\":\"poke\",\"data\":{\"type\":\"126\",\"id\":\"2003\"}}",
                    "[CQ:poke,type=126,id=2003]"),
            arguments(new Anonymous("1", null), "{\"type\":\"anonymous\",\"data\":{\"ignore\":\"1\"}}", "[CQ:anonymous,ignore=1]"),
            arguments(new Share("https://a/b?c=1&d=2", "T", null, "https://i", null),
                    "{\"type\":\"share\",\"data\":{\"url\":\"https://a/b?c=1&d=2\",\"title\":\"T\",\"image\":\"https://i\"}}",
                    "[CQ:share,url=https://a/b?c=1&amp;d=2,title=T,image=https://i]"),
            arguments(new Contact("group", "30001", null), "{\"type\":\"contact\",\"data\":{\"type\":\"group\",\"id\":\"30001\"}}",
                    "[CQ:contact,type=group,id=30001]"),
            arguments(new Location("39.9", "116.4", "Here", "Desc", null),
                    "{\"type\":\"location\",\"data\":{\"lat\":\"39.9\",\"lon\":\"116.4\",\"title\":\"Here\",\"content\":\"Desc\"}}",
                    "[CQ:location,lat=39.9,lon=116.4,title=Here,content=Desc]"),
            arguments(new Music("163", "28949129", null), "{\"type\":\"music\",\"data\":{\"type\":\"163\",\"id\":\"28949129\"}}",
                    "[CQ:music,type=163,id=28949129]"),
            arguments(new CustomMusic("https://u", "https://a.mp3", "T", "C", "https://i", null),
                    "{\"type\":\"music\",\"data\":{\"type\":\"custom\",\"url\":\"https://u\",\"audio\":\"https://a.mp3\","
                            + "\"title\":\"T\",\"content\":\"C\",\"image\":\"https://i\"}}",
                    "[CQ:music,type=custom,url=https://u,audio=https://a.mp3,title=T,content=C,image=https://i]"),
            arguments(Segment.reply(123), "{\"type\":\"reply\",\"data\":{\"id\":\"123\"}}", "[CQ:reply,id=123]"),
            arguments(new Forward("abc", null), "{\"type\":\"forward\",\"data\":{\"id\":\"abc\"}}", "[CQ:forward,id=abc]"),
            arguments(new Node("123", null), "{\"type\":\"node\",\"data\":{\"id\":\"123\"}}", "[CQ:node,id=123]"),
            arguments(new CustomNode("10001", "Bot", List.of(new Text("hi, [you]"), Segment.face("1")), null),
                    "{\"type\":\"node\",\"data\":{\"user_id\":\"10001\",\"nickname\":\"Bot\",\"content\":["
                            + "{\"type\":\"text\",\"data\":{\"text\":\"hi, [you]\"}},{\"type\":\"face\",\"data\":{\"id\":\"1\"}}]}}",
                    "[CQ:node,user_id=10001,nickname=Bot,content=hi&#44; &amp;#91;you&amp;#93;&#91;CQ:face&#44;id=1&#93;]"),
            arguments(new XmlCard("<a x=\"1,2\">[b]</a>", null), "{\"type\":\"xml\",\"data\":{\"data\":\"<a x=\\\"1,2\\\">[b]</a>\"}}",
                    "[CQ:xml,data=<a x=\"1&#44;2\">&#91;b&#93;</a>]"),
            arguments(new JsonCard("{\"a\":[1,2]}", null), "{\"type\":\"json\",\"data\":{\"data\":\"{\\\"a\\\":[1,2]}\"}}",
                    "[CQ:json,data={\"a\":&#91;1&#44;2&#93;}]"),
            arguments(new FileSegment("f.txt", "report.txt", null, null, null),
                    "{\"type\":\"file\",\"data\":{\"file\":\"f.txt\",\"name\":\"report.txt\"}}", "[CQ:file,file=f.txt,name=report.txt]"),
            arguments(new Markdown("# T\n*x*", null), "{\"type\":\"markdown\",\"data\":{\"content\":\"# T\\n*x*\"}}",
                    "[CQ:markdown,content=# T\n*x*]"),
            arguments(new MarketFace("1", "e1", "k", "[doge]", null),
                    "{\"type\":\"mface\",\"data\":{\"emoji_package_id\":\"1\",\"emoji_id\":\"e1\",\"key\":\"k\",\"summary\":\"[doge]\"}}",
                    "[CQ:mface,emoji_package_id=1,emoji_id=e1,key=k,summary=&#91;doge&#93;]"),
            arguments(new Unknown("miniapp", object("{\"data\":\"x,y\"}")), "{\"type\":\"miniapp\",\"data\":{\"data\":\"x,y\"}}",
                    "[CQ:miniapp,data=x&#44;y]"));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void writesTheArrayForm(Segment segment, String array, String cq) {
        assertEquals(json(array), segment.toJson());
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void readsTheArrayForm(Segment segment, String array, String cq) {
        assertEquals(List.of(segment), MessageValues.parse(json(array), false));
        assertEquals(List.of(segment), MessageValues.parse(json("[" + array + "]"), false));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void writesTheCqForm(Segment segment, String array, String cq) {
        assertEquals(cq, CqCode.encode(List.of(segment)));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void readsTheCqForm(Segment segment, String array, String cq) {
        assertEquals(List.of(segment), CqCode.decode(cq));
        assertEquals(List.of(segment), MessageValues.parse(Json.createValue(cq), false));
    }

    @Test
    void numbersAndBooleansInTheArrayFormBecomeStrings() {
        assertEquals(List.of(Segment.at(10001), Segment.reply(-5), new Anonymous("true", null)),
                MessageValues.parse(json("[{\"type\":\"at\",\"data\":{\"qq\":10001}},"
                        + "{\"type\":\"reply\",\"data\":{\"id\":-5}},{\"type\":\"anonymous\",\"data\":{\"ignore\":true}}]"), false));
    }

    @Test
    void customMusicAndPlatformMusicAreToldApartByType() {
        assertInstanceOf(CustomMusic.class, CqCode.decode("[CQ:music,type=custom,url=u]").get(0));
        assertInstanceOf(Music.class, CqCode.decode("[CQ:music,type=qq,id=1]").get(0));
    }

    @Test
    void jsonCardGivenAsObjectIsKeptAsItsJsonText() {
        JsonValue message = json("{\"type\":\"json\",\"data\":{\"data\":{\"app\":\"x\",\"n\":[1, 2]}}}");
        assertEquals(List.of(new JsonCard("{\"app\":\"x\",\"n\":[1,2]}", null)), MessageValues.parse(message, false));
    }

    @Nested
    class UnknownData {

        @Test
        void unknownTypeKeepsItsDataInBothForms() {
            Segment fromArray = MessageValues.parse(json("{\"type\":\"onlinefile\",\"data\":{\"msgId\":\"7\",\"isDir\":false,"
                    + "\"tags\":[\"a\"]}}"), false).get(0);
            assertEquals(new Unknown("onlinefile", object("{\"msgId\":\"7\",\"isDir\":\"false\",\"tags\":[\"a\"]}")), fromArray);
            assertEquals(json("{\"type\":\"onlinefile\",\"data\":{\"msgId\":\"7\",\"isDir\":\"false\",\"tags\":[\"a\"]}}"),
                    fromArray.toJson());
            assertEquals("[CQ:onlinefile,msgId=7,isDir=false,tags=&#91;\"a\"&#93;]", CqCode.encode(List.of(fromArray)));
            assertEquals(List.of(new Unknown("flashtransfer", object("{\"fileSetId\":\"x\"}"))),
                    CqCode.decode("[CQ:flashtransfer,fileSetId=x]"));
        }

        @Test
        void knownTypeKeepsKeysItDoesNotNameAndWritesThemBack() {
            Segment at = MessageValues.parse(json("{\"type\":\"at\",\"data\":{\"color\":\"red\",\"qq\":\"1\",\"n\":5}}"), false)
                    .get(0);
            assertEquals(new At("1", null, object("{\"color\":\"red\",\"n\":\"5\"}")), at);
            assertEquals(object("{\"qq\":\"1\",\"color\":\"red\",\"n\":\"5\"}"), at.data());
            String cq = CqCode.encode(List.of(at));
            assertEquals("[CQ:at,qq=1,color=red,n=5]", cq);
            assertEquals(List.of(at), CqCode.decode(cq));
        }

        @Test
        void extraKeysSurviveInsideNestedNodes() {
            JsonValue message = json("{\"type\":\"node\",\"data\":{\"uin\":\"1\",\"content\":"
                    + "[{\"type\":\"face\",\"data\":{\"id\":\"1\",\"chainCount\":3}}]}}");
            CustomNode node = (CustomNode) MessageValues.parse(message, false).get(0);
            assertEquals(object("{\"uin\":\"1\"}"), node.extra());
            assertEquals(List.of(new Face("1", object("{\"chainCount\":\"3\"}"))),
                    node.content());
            assertEquals(List.of(node), CqCode.decode(CqCode.encode(List.of(node))));
        }
    }

    @Nested
    class Nodes {

        @Test
        void contentMayBeACqStringOrOneSegmentObject() {
            CustomNode expected = new CustomNode("1", "A", List.of(new Text("x "), Segment.face("2")), null);
            assertEquals(List.of(expected), MessageValues.parse(json("{\"type\":\"node\",\"data\":{\"user_id\":1,"
                    + "\"nickname\":\"A\",\"content\":\"x [CQ:face,id=2]\"}}"), false));
            CustomNode single = new CustomNode(null, null, List.of(Segment.face("2")), null);
            assertEquals(List.of(single), MessageValues.parse(json("{\"type\":\"node\",\"data\":{\"content\":"
                    + "{\"type\":\"face\",\"data\":{\"id\":\"2\"}}}}"), false));
        }

        @Test
        void contentWinsOverIdWhichIsKept() {
            Segment node = MessageValues.parse(json("{\"type\":\"node\",\"data\":{\"id\":\"9\",\"content\":\"hi\"}}"), false)
                    .get(0);
            assertEquals(new CustomNode(null, null, List.of(new Text("hi")), object("{\"id\":\"9\"}")), node);
        }

        @Test
        void nodesNestTwoLevelsDeepInBothForms() {
            CustomNode inner = new CustomNode("2", "In, ner", List.of(new Text("[x]&,"), Segment.at(3)), null);
            CustomNode outer = new CustomNode("1", "Out", List.of(new Text("a"), inner, Segment.face("5")), null);
            List<Segment> message = List.of(new Text("before "), outer);
            String cq = CqCode.encode(message);
            assertEquals(message, CqCode.decode(cq), cq);
            assertEquals(message, MessageValues.parse(Segment.array(message), false));
            assertEquals(List.of(outer), MessageValues.parse(outer.toJson(), false));
        }

        @Test
        void nodeContentNeverBecomesObjectText() {
            String cq = CqCode.encode(List.of(new CustomNode(null, null, List.of(Segment.image("a.png")), null)));
            assertEquals("[CQ:node,content=&#91;CQ:image&#44;file=a.png&#93;]", cq);
        }

        @Test
        void errorsInsideContentNameTheNestedPosition() {
            assertEquals("message[0].data.content[1].data.qq is required",
                    errorOf("[{\"type\":\"node\",\"data\":{\"content\":[{\"type\":\"text\",\"data\":{\"text\":\"a\"}},"
                            + "{\"type\":\"at\",\"data\":{}}]}}]"));
            assertEquals("message[0].data.content[0].data.qq is required",
                    assertThrows(IllegalArgumentException.class,
                            () -> CqCode.decode("[CQ:node,content=&#91;CQ:at&#93;]")).getMessage());
            assertEquals("message.data.content.data.content must not be empty",
                    errorOf("{\"type\":\"node\",\"data\":{\"content\":{\"type\":\"node\",\"data\":{\"content\":[]}}}}"));
            assertEquals("message[0].data.content must be a string, a segment object or an array of segments, not a number",
                    errorOf("[{\"type\":\"node\",\"data\":{\"content\":5}}]"));
            assertEquals("message[0].data.content[0] must be a segment object, not a string",
                    errorOf("[{\"type\":\"node\",\"data\":{\"content\":[\"hi\"]}}]"));
            assertEquals("message[0].data.content must not be empty", errorOf("[{\"type\":\"node\",\"data\":{\"content\":\"\"}}]"));
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "text      | {}                                  | text",
            "at        | {\"name\":\"x\"}                    | qq",
            "at        | {\"qq\":\"\"}                       | qq",
            "reply     | {}                                  | id",
            "face      | {}                                  | id",
            "image     | {\"summary\":\"s\"}                 | file",
            "record    | {}                                  | file",
            "video     | {\"file\":\"\"}                     | file",
            "file      | {}                                  | file",
            "poke      | {\"id\":\"1\"}                      | type",
            "poke      | {\"type\":\"1\"}                    | id",
            "share     | {\"title\":\"t\"}                   | url",
            "share     | {\"url\":\"u\"}                     | title",
            "contact   | {\"id\":\"1\"}                      | type",
            "location  | {\"lat\":\"1\"}                     | lon",
            "music     | {\"id\":\"1\"}                      | type",
            "music     | {\"type\":\"qq\"}                   | id",
            "music     | {\"type\":\"custom\",\"title\":\"t\"} | url",
            "forward   | {}                                  | id",
            "node      | {\"user_id\":\"1\"}                 | id",
            "xml       | {}                                  | data",
            "json      | {}                                  | data",
            "markdown  | {}                                  | content",
            "mface     | {\"emoji_id\":\"1\",\"key\":\"k\"}  | emoji_package_id",
        })
        void missingRequiredFieldIsNamedWithItsPosition(String type, String data, String field) {
            String segment = "{\"type\":\"" + type + "\",\"data\":" + data + "}";
            boolean fileOrUrl = List.of("image", "record", "video", "file").contains(type);
            String expected = "message[2].data." + field + " is required" + (fileOrUrl ? " (or url)" : "");
            assertEquals(expected,
                    errorOf("[{\"type\":\"shake\"},{\"type\":\"text\",\"data\":{\"text\":\"\"}}," + segment + "]"));
        }

        @Test
        void fieldThatIsAnObjectIsRejected() {
            assertEquals("message[0].data.qq must be a string or a number, not an object",
                    errorOf("[{\"type\":\"at\",\"data\":{\"qq\":{\"id\":1}}}]"));
            assertEquals("message.data.text must be a string or a number, not an array",
                    errorOf("{\"type\":\"text\",\"data\":{\"text\":[\"a\"]}}"));
        }

        @Test
        void nullRequiredFieldIsMissing() {
            assertEquals("message.data.id is required", errorOf("{\"type\":\"reply\",\"data\":{\"id\":null}}"));
        }
    }
}
