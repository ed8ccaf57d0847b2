package io.onebot.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.message.At;
import io.onebot.gateway.protocol.message.Segment;
import io.onebot.gateway.protocol.message.SegmentData;
import io.onebot.gateway.protocol.message.Shake;
import io.onebot.gateway.protocol.message.Text;
import io.onebot.gateway.protocol.message.Unknown;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CqCodeTest {

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** The segment a client would get by sending this type and data in the array form. */
    private static Segment segment(String type, String dataJson) {
        return Segment.read(type, new SegmentData("test", object(dataJson), MessageValues::read));
    }

    private static String errorOf(String message) {
        return assertThrows(IllegalArgumentException.class, () -> CqCode.decode(message)).getMessage();
    }

    private static Segment text(String text) {
        return Segment.text(text);
    }

    @Nested
    class Decode {

        @Test
        void emptyStringGivesNoSegments() {
            assertEquals(List.of(), CqCode.decode(""));
        }

        @Test
        void plainTextIsOneTextSegment() {
            assertEquals(List.of(text("hello, world")), CqCode.decode("hello, world"));
        }

        @Test
        void textAroundSegmentKeepsWhitespaceExactly() {
            assertEquals(List.of(text("a "), segment("face", "{\"id\":\"1\"}"), text(" b")),
                    CqCode.decode("a [CQ:face,id=1] b"));
        }

        @Test
        void whitespaceOnlyTextIsKept() {
            assertEquals(List.of(text("  "), segment("face", "{\"id\":\"1\"}"), text("\n")),
                    CqCode.decode("  [CQ:face,id=1]\n"));
        }

        @Test
        void adjacentSegmentsGiveNoEmptyText() {
            assertEquals(List.of(segment("at", "{\"qq\":\"1\"}"), segment("face", "{\"id\":\"2\"}")),
                    CqCode.decode("[CQ:at,qq=1][CQ:face,id=2]"));
        }

        @Test
        void segmentWithoutParametersHasEmptyData() {
            List<Segment> segments = CqCode.decode("[CQ:shake]");
            assertEquals(List.of(new Shake(null)), segments);
            assertTrue(segments.get(0).data().isEmpty());
        }

        @Test
        void knownSegmentWithoutItsRequiredFieldIsAnErrorNamingIt() {
            assertEquals("message[0].data.id is required", errorOf("[CQ:face]"));
            assertEquals("message[1].data.qq is required", errorOf("hi [CQ:at,name=x]"));
            assertEquals("message[2].data.id is required", errorOf("[CQ:face,id=1]a[CQ:reply]"));
        }

        @Test
        void typeAndKeysMayUseAllWordCharacters() {
            assertEquals(List.of(segment("My_Type2", "{\"K_1\":\"v\"}")), CqCode.decode("[CQ:My_Type2,K_1=v]"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "[CQ:face,id]",
            "[CQ:face,id=1,]",
            "[CQ:a-b,x=1]",
            "[CQ:image, file=x]",
            "[CQ:image ,file=x]",
            "[CQ: image,file=x]",
            "[CQ:,file=x]",
            "[CQ:]",
            "[cq:face,id=1]",
            "[CQ:face,=1]",
            "[CQ:face,id=1",
            "CQ:face,id=1]",
            "[CQ:face,i d=1]",
        })
        void malformedCodeStaysLiteralText(String input) {
            assertEquals(List.of(text(input)), CqCode.decode(input));
        }

        @Test
        void malformedCodeAndSurroundingTextFormOneTextSegment() {
            assertEquals(List.of(text("x[CQ:bad y]")), CqCode.decode("x[CQ:bad y]"));
            assertEquals(List.of(text("a[CQ:face,id]b[CQ:x,y=1,]c")), CqCode.decode("a[CQ:face,id]b[CQ:x,y=1,]c"));
        }

        @Test
        void wellFormedCodeInsideMalformedOneIsFound() {
            assertEquals(List.of(text("[CQ:bad y"), segment("face", "{\"id\":\"1\"}")),
                    CqCode.decode("[CQ:bad y[CQ:face,id=1]"));
            assertEquals(List.of(text("[[CQ:"), new Shake(null), text("]")),
                    CqCode.decode("[[CQ:[CQ:shake]]"));
        }

        @Test
        void valueIsSplitAtFirstEquals() {
            assertEquals(List.of(segment("image", "{\"file\":\"a=b\"}")), CqCode.decode("[CQ:image,file=a=b]"));
        }

        @Test
        void valuesStayStrings() {
            assertEquals(List.of(segment("x", "{\"id\":\"1\",\"flag\":\"true\",\"n\":\"null\",\"f\":\"1.5\"}")),
                    CqCode.decode("[CQ:x,id=1,flag=true,n=null,f=1.5]"));
        }

        @Test
        void emptyValueIsEmptyString() {
            assertEquals(List.of(new Unknown("x", object("{\"a\":\"\",\"b\":\"n\"}"))), CqCode.decode("[CQ:x,a=,b=n]"));
        }

        @Test
        void emptyRequiredValueCountsAsMissing() {
            assertEquals("message[0].data.qq is required", errorOf("[CQ:at,qq=,name=n]"));
        }

        @Test
        void repeatedKeyKeepsLastValue() {
            assertEquals(List.of(segment("face", "{\"id\":\"2\",\"x\":\"y\"}")),
                    CqCode.decode("[CQ:face,id=1,x=y,id=2]"));
        }

        @Test
        void openingBracketIsAllowedInValue() {
            assertEquals(List.of(segment("image", "{\"file\":\"a[b\"}")), CqCode.decode("[CQ:image,file=a[b]"));
        }

        @Test
        void earliestStartWinsWhenCandidatesNest() {
            assertEquals(List.of(segment("a", "{\"b\":\"[CQ:face\"}")), CqCode.decode("[CQ:a,b=[CQ:face]"));
        }

        @Test
        void unescapedClosingBracketEndsSegmentEarly() {
            assertEquals(List.of(segment("json", "{\"data\":\"{\\\"a\\\":[1,2\"}"), text("}]")),
                    CqCode.decode("[CQ:json,data={\"a\":[1&#44;2]}]"));
        }

        @Test
        void valuesAreUnescaped() {
            assertEquals(List.of(segment("x", "{\"v\":\"[a],b&c\"}")),
                    CqCode.decode("[CQ:x,v=&#91;a&#93;&#44;b&amp;c]"));
        }

        @Test
        void textIsUnescaped() {
            assertEquals(List.of(text("[a],b&c"), new Shake(null), text("&")),
                    CqCode.decode("&#91;a&#93;&#44;b&amp;c[CQ:shake]&amp;"));
        }

        @Test
        void ampersandIsUnescapedLast() {
            assertEquals(List.of(text("&#91;&#93;&#44;")), CqCode.decode("&amp;#91;&amp;#93;&amp;#44;"));
            assertEquals(List.of(segment("x", "{\"v\":\"&#91;\"}")), CqCode.decode("[CQ:x,v=&amp;#91;]"));
        }

        @Test
        void escapedBracketsInTextDoNotFormSegments() {
            assertEquals(List.of(text("[CQ:face,id=1]")), CqCode.decode("&#91;CQ:face,id=1&#93;"));
        }

        @Test
        void nonAsciiTextIsKept() {
            assertEquals(List.of(text("你好 "), segment("face", "{\"id\":\"14\"}"), text(" 😀")),
                    CqCode.decode("你好 [CQ:face,id=14] 😀"));
        }

        @Test
        void resultIsUnmodifiable() {
            List<Segment> segments = CqCode.decode("a");
            assertThrows(UnsupportedOperationException.class, () -> segments.add(text("b")));
        }

        @Test
        void megabyteOfOpenersIsPlainText() {
            String input = "[CQ:".repeat(256 * 1024);
            assertEquals(List.of(text(input)), CqCode.decode(input));
        }

        @Test
        void megabyteOfNestedCandidatesIsOneSegment() {
            String input = "[CQ:a,b=".repeat(128 * 1024) + "]";
            assertEquals(List.of(segment("a", "{\"b\":\"\"}")), CqCode.decode(input));
        }

        @Test
        void megabyteOfUnfinishedValuesIsPlainText() {
            String input = "x[CQ:a,b=[CQ:".repeat(80 * 1024);
            assertEquals(List.of(text(input)), CqCode.decode(input));
        }
    }

    @Nested
    class Encode {

        @Test
        void textIsEscapedButCommasAreNot() {
            assertEquals("a&amp;b&#91;c&#93;,d", CqCode.encode(List.of(text("a&b[c],d"))));
        }

        @Test
        void emptyValueIsSkipped() {
            assertEquals("[CQ:at,qq=123]", CqCode.encode(List.of(segment("at", "{\"qq\":\"123\",\"name\":\"\"}"))));
        }

        @Test
        void valuesAreEscapedIncludingCommasAndZeroIsKept() {
            assertEquals("[CQ:image,file=x&#44;y&#91;1&#93;&amp;,sub_type=0]",
                    CqCode.encode(List.of(segment("image", "{\"file\":\"x,y[1]&\",\"sub_type\":0}"))));
        }

        @Test
        void objectValueIsWrittenAsCompactJson() {
            assertEquals("[CQ:json,data={\"k\":\"v&#44;w\"}]",
                    CqCode.encode(List.of(segment("json", "{\"data\": { \"k\" : \"v,w\" }}"))));
        }

        @Test
        void arrayValueIsWrittenAsCompactJson() {
            Segment unknown = segment("x", "{\"list\":[{\"text\":\"[hi]\"}, 1]}");
            assertEquals("[CQ:x,list=&#91;{\"text\":\"&#91;hi&#93;\"}&#44;1&#93;]", CqCode.encode(List.of(unknown)));
        }

        @Test
        void nodeContentIsANestedCqStringNotJsonOrObjectText() {
            Segment node = segment("node",
                    "{\"nickname\":\"n\",\"content\":[{\"type\":\"text\",\"data\":{\"text\":\"[hi]\"}}]}");
            assertEquals("[CQ:node,nickname=n,content=&amp;#91;hi&amp;#93;]", CqCode.encode(List.of(node)));
        }

        @Test
        void nullIsSkippedWhileFalseAndNumbersAreKept() {
            assertEquals("[CQ:x,flag=false,on=true,n=1.5,big=12345678901234567890]",
                    CqCode.encode(List.of(segment("x",
                            "{\"gone\":null,\"flag\":false,\"on\":true,\"n\":1.5,\"big\":12345678901234567890}"))));
        }

        @Test
        void literalEscapeSequencesAreEscapedAgainAndComeBackLiterally() {
            List<Segment> segments = List.of(text("&#91;&amp;"), new Unknown("x", object("{\"v\":\"&#44;&#93;\"}")));
            String encoded = CqCode.encode(segments);
            assertEquals("&amp;#91;&amp;amp;[CQ:x,v=&amp;#44;&amp;#93;]", encoded);
            assertEquals(segments, CqCode.decode(encoded));
        }

        @Test
        void unicodeIsWrittenAsItIs() {
            List<Segment> segments = List.of(text("你好 😀 "), new At("1", "小明, 😀", null));
            String encoded = CqCode.encode(segments);
            assertEquals("你好 😀 [CQ:at,qq=1,name=小明&#44; 😀]", encoded);
            assertEquals(segments, CqCode.decode(encoded));
        }

        @Test
        void keysFollowDataOrder() {
            assertEquals("[CQ:x,z=1,a=2,m=3]", CqCode.encode(List.of(segment("x", "{\"z\":\"1\",\"a\":\"2\",\"m\":\"3\"}"))));
        }

        @Test
        void segmentWithoutDataHasNoParameters() {
            assertEquals("[CQ:shake]", CqCode.encode(List.of(new Shake(null))));
        }

        @Test
        void textIsOnlyItsTextEvenWithExtraData() {
            assertEquals("a[CQ:shake]", CqCode.encode(List.of(
                    new Text("", null), new Text("a", object("{\"x\":\"1\"}")), new Shake(null))));
        }

        @Test
        void segmentsAreConcatenatedWithoutTrimming() {
            assertEquals(" hi [CQ:face,id=1] ",
                    CqCode.encode(List.of(text(" hi "), segment("face", "{\"id\":\"1\"}"), text(" "))));
        }

        @Test
        void emptyListGivesEmptyString() {
            assertEquals("", CqCode.encode(List.of()));
            assertEquals("", CqCode.rawMessage(List.of()));
        }

        @Test
        void rawMessageStripsLeadingAndTrailingWhitespace() {
            List<Segment> segments = List.of(text(" \n hi "), segment("face", "{\"id\":\"1\"}"), text(" \t"));
            assertEquals("hi [CQ:face,id=1]", CqCode.rawMessage(segments));
            assertEquals("", CqCode.rawMessage(List.of(text("  \n "))));
        }
    }

    @Nested
    class Helpers {

        @Test
        void escapeTextHandlesAmpersandFirst() {
            assertEquals("&amp;#91;&#91;&#93;,", CqCode.escapeText("&#91;[],"));
        }

        @Test
        void escapeValueAlsoEscapesCommas() {
            assertEquals("&amp;#44;&#44;&#91;&#93;=", CqCode.escapeValue("&#44;,[]="));
        }

        @Test
        void unescapeReversesBothEscapes() {
            assertEquals("[],&", CqCode.unescape("&#91;&#93;&#44;&amp;"));
            assertEquals("&#91;", CqCode.unescape("&amp;#91;"));
            assertEquals("&#", CqCode.unescape("&#"));
        }

        @Test
        void unescapeUndoesEscape() {
            String literal = "a&#91;b&amp;c[d]e,f&&#44;";
            assertEquals(literal, CqCode.unescape(CqCode.escapeText(literal)));
            assertEquals(literal, CqCode.unescape(CqCode.escapeValue(literal)));
        }
    }

    @Nested
    class RoundTrip {

        /** Merges adjacent text segments and drops empty ones, the form decoding produces. */
        private List<Segment> canonical(List<Segment> segments) {
            List<Segment> result = new ArrayList<>();
            StringBuilder pending = new StringBuilder();
            for (Segment segment : segments) {
                if (segment instanceof Text text) {
                    pending.append(text.text());
                } else {
                    flush(result, pending);
                    result.add(segment);
                }
            }
            flush(result, pending);
            return result;
        }

        private void flush(List<Segment> result, StringBuilder pending) {
            if (pending.length() > 0) {
                result.add(text(pending.toString()));
                pending.setLength(0);
            }
        }

        private void assertRoundTrip(List<Segment> segments) {
            String encoded = CqCode.encode(segments);
            assertEquals(canonical(segments), CqCode.decode(encoded), encoded);
        }

        @Test
        void textWithEscapesAndBrackets() {
            assertRoundTrip(List.of(text("&#91;x&#93; &amp; [y] , &#44; [CQ:face,id=1] & ]")));
        }

        @Test
        void valuesWithSpecialCharacters() {
            assertRoundTrip(List.of(segment("image",
                    "{\"file\":\"a=b,c[d]&e\",\"url\":\"http://x/?a=1&b=[2],3\",\"z\":\"&#44;&amp;\"}")));
        }

        @Test
        void mixedSegmentsAndSplitTexts() {
            assertRoundTrip(List.of(
                    text("hi "), text(""), text("[there]"),
                    segment("at", "{\"qq\":\"123\"}"),
                    new Shake(null),
                    text(" , "),
                    segment("reply", "{\"id\":\"=\"}"),
                    text("&amp;"), text("&#93;")));
        }

        @Test
        void valueLookingLikeCqCode() {
            assertRoundTrip(List.of(segment("json", "{\"data\":\"[CQ:face,id=1]\"}"), text("[CQ:")));
        }

        @Test
        void onlyEmptyTexts() {
            assertRoundTrip(List.of(text(""), text("")));
        }
    }
}
