package io.onebot.gateway.protocol.message;

import io.onebot.gateway.protocol.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * One segment of a OneBot 11 message, such as a piece of text, a mention or an image.
 *
 * <p>Each segment type of OneBot 11, and the common NapCat additions, is its own record, so that
 * code building or inspecting messages works with named fields and cannot forget a required one.
 * A type this model does not know is kept as {@link Unknown} instead of being refused, and every
 * known type keeps the data keys it does not name in {@link #extra()}, so nothing a client sends
 * is lost on the way through.
 *
 * <p>Field values are strings, as they are on the wire: NapCat writes ids and numbers as text
 * in its events, and a CQ code has no other kind of value. The only exception is a message
 * nested in a forward node ({@link CustomNode#content()}).
 *
 * <p>Reading is {@link #read(String, SegmentData)}; writing the array form is {@link #toJson()}
 * and {@link #array(List)}. The CQ code form lives in the codec layer.
 */
public sealed interface Segment permits Text, Face, Image, Voice, Video, At, Rps, Dice, Shake, Poke, Anonymous,
        Share, Contact, Location, Music, CustomMusic, Reply, Forward, Node, CustomNode, XmlCard, JsonCard,
        FileSegment, Markdown, MarketFace, Unknown {

    /** The type names that have their own record; any other type becomes {@link Unknown}. */
    Set<String> KNOWN_TYPES = Set.of(Text.TYPE, Face.TYPE, Image.TYPE, Voice.TYPE, Video.TYPE, At.TYPE, Rps.TYPE,
            Dice.TYPE, Shake.TYPE, Poke.TYPE, Anonymous.TYPE, Share.TYPE, Contact.TYPE, Location.TYPE, Music.TYPE,
            Reply.TYPE, Forward.TYPE, Node.TYPE, XmlCard.TYPE, JsonCard.TYPE, FileSegment.TYPE, Markdown.TYPE,
            MarketFace.TYPE);

    /** The segment type as written on the wire, for example {@code text}, {@code at} or {@code image}. */
    String type();

    /**
     * The segment's {@code data} object as written on the wire: the named fields that have a
     * value, then the extra keys. Never {@code null}.
     */
    JsonObject data();

    /** Data keys the client sent that this record does not name, kept to be written back. */
    JsonObject extra();

    /** This segment in the array form, {@code {"type":...,"data":{...}}}. */
    default JsonObject toJson() {
        return Jsonp.createObjectBuilder().add("type", type()).add("data", data()).build();
    }

    /**
     * Builds the record for a segment read from the wire.
     *
     * @param type the segment type, not blank
     * @param data the segment's data
     * @return the typed segment, or an {@link Unknown} one for a type without a record
     * @throws IllegalArgumentException if a field of a known type is missing or malformed, naming
     *                                  its position such as {@code message[2].data.qq is required}
     */
    static Segment read(String type, SegmentData data) {
        return switch (type) {
            case Text.TYPE -> Text.read(data);
            case Face.TYPE -> Face.read(data);
            case Image.TYPE -> Image.read(data);
            case Voice.TYPE -> Voice.read(data);
            case Video.TYPE -> Video.read(data);
            case At.TYPE -> At.read(data);
            case Rps.TYPE -> Rps.read(data);
            case Dice.TYPE -> Dice.read(data);
            case Shake.TYPE -> Shake.read(data);
            case Poke.TYPE -> Poke.read(data);
            case Anonymous.TYPE -> Anonymous.read(data);
            case Share.TYPE -> Share.read(data);
            case Contact.TYPE -> Contact.read(data);
            case Location.TYPE -> Location.read(data);
            case Music.TYPE -> CustomMusic.CUSTOM.equals(data.optional("type")) ? CustomMusic.read(data)
                    : Music.read(data);
            case Reply.TYPE -> Reply.read(data);
            case Forward.TYPE -> Forward.read(data);
            case Node.TYPE -> data.has("content") ? CustomNode.read(data) : Node.read(data);
            case XmlCard.TYPE -> XmlCard.read(data);
            case JsonCard.TYPE -> JsonCard.read(data);
            case FileSegment.TYPE -> FileSegment.read(data);
            case Markdown.TYPE -> Markdown.read(data);
            case MarketFace.TYPE -> MarketFace.read(data);
            default -> new Unknown(type, data.all());
        };
    }

    /** A whole message in the array form: one {@code {type, data}} object per segment. */
    static JsonArray array(List<? extends Segment> message) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        for (Segment segment : message) {
            array.add(segment.toJson());
        }
        return array.build();
    }

    /** Plain text, not escaped in any way. */
    static Text text(String text) {
        return new Text(text);
    }

    /** A mention of one account. */
    static At at(long userId) {
        return new At(Long.toString(userId), null, null);
    }

    /** A mention of everyone in the group. */
    static At atAll() {
        return new At(At.ALL, null, null);
    }

    /** A built-in QQ face by its id. */
    static Face face(String id) {
        return new Face(id, null);
    }

    /** A reply to the message with that id. */
    static Reply reply(int messageId) {
        return new Reply(Integer.toString(messageId), null);
    }

    /** An image from a file name, path or URL. */
    static Image image(String file) {
        return new Image(file, null, null, null, null, null, null, null, null);
    }
}
