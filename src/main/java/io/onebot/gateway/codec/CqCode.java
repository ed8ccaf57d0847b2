package io.onebot.gateway.codec;

import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.message.CustomNode;
import io.onebot.gateway.protocol.message.Segment;
import io.onebot.gateway.protocol.message.SegmentData;
import io.onebot.gateway.protocol.message.Text;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the CQ code string form of OneBot 11 messages, behaving like NapCat.
 *
 * <p>A coded segment looks like {@code [CQ:type,key=value,...]}: the type and every key are one or
 * more ASCII word characters ({@code [A-Za-z0-9_]}), a value is any run, possibly empty, of
 * characters other than {@code ,} and {@code ]}, and no spaces are allowed around the separators.
 * Anything that does not fit this shape is ordinary text. Text escapes {@code &}, {@code [} and
 * {@code ]}; values additionally escape {@code ,}.
 *
 * <p>Decoded segments are typed like those of the array form ({@link Segment#read}), with every
 * value a string. Unlike NapCat, a nested message is not written as {@code [object Object]}: the
 * {@code content} of a {@link CustomNode} becomes its own CQ code string, escaped as a value, and
 * decodes back into the nested segments. Other object and array values (extra data a client
 * sent) are written as compact JSON text.
 */
public final class CqCode {

    private static final String PREFIX = "[CQ:";
    private static final String ROOT = "message";

    private CqCode() {
    }

    /**
     * Splits a CQ code string into segments. Text between coded segments becomes {@code text}
     * segments (never empty ones), with whitespace kept exactly; malformed codes stay literal
     * text. Every value is a string, unescaped, and a repeated key keeps its last value. A
     * well-formed code of a known type must still have its required fields.
     *
     * @param message the CQ code string, not {@code null}
     * @return the segments in order, unmodifiable; empty for an empty string
     * @throws IllegalArgumentException if a known segment lacks a required field, naming it like
     *                                  {@code message[1].data.qq is required}
     */
    public static List<Segment> decode(String message) {
        return decode(message, ROOT);
    }

    /**
     * Like {@link #decode(String)}, for a CQ code string found at {@code position}, such as the
     * {@code content} of a forward node, so that errors name where it stands.
     *
     * @param message  the CQ code string, not {@code null}
     * @param position where the string stands, for example {@code message[0].data.content}
     * @return the segments in order, unmodifiable
     */
    public static List<Segment> decode(String message, String position) {
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        for (Span span = findSegment(message, from); span != null; span = findSegment(message, from)) {
            addText(segments, message.substring(from, span.start()));
            String body = message.substring(span.start() + PREFIX.length(), span.end() - 1);
            segments.add(parseSegment(body, position + "[" + segments.size() + "]"));
            from = span.end();
        }
        addText(segments, message.substring(from));
        return Collections.unmodifiableList(segments);
    }

    /**
     * Writes segments as one CQ code string, concatenated without trimming. Text segments are
     * escaped with {@link #escapeText}; other segments become {@code [CQ:type,key=value...]} with
     * the keys of their {@linkplain Segment#data() data} in order, skipping empty values and
     * escaping each with {@link #escapeValue}. The content of a {@link CustomNode} is written as
     * its own CQ code string (then escaped as a value); any other object or array value as compact
     * JSON text.
     *
     * @param segments the segments to write
     * @return the CQ code string
     */
    public static String encode(List<? extends Segment> segments) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Text text) {
                out.append(escapeText(text.text()));
            } else {
                appendCode(out, segment);
            }
        }
        return out.toString();
    }

    /**
     * Builds the {@code raw_message} of an event the way NapCat does: the {@linkplain #encode
     * CQ code string} with leading and trailing whitespace stripped.
     *
     * @param segments the message segments
     * @return the stripped CQ code string
     */
    public static String rawMessage(List<? extends Segment> segments) {
        return encode(segments).strip();
    }

    /**
     * Escapes literal text for use outside a coded segment: {@code &} becomes {@code &amp;},
     * {@code [} becomes {@code &#91;} and {@code ]} becomes {@code &#93;}. Commas are left alone.
     *
     * @param text the literal text
     * @return the escaped text
     */
    public static String escapeText(String text) {
        return text.replace("&", "&amp;").replace("[", "&#91;").replace("]", "&#93;");
    }

    /**
     * Escapes a parameter value for use inside a coded segment: like {@link #escapeText}, and
     * {@code ,} also becomes {@code &#44;}.
     *
     * @param value the literal value
     * @return the escaped value
     */
    public static String escapeValue(String value) {
        return escapeText(value).replace(",", "&#44;");
    }

    /**
     * Reverses both escapes: {@code &#91;}, {@code &#93;} and {@code &#44;} are replaced first and
     * {@code &amp;} last, so that {@code &amp;#91;} comes out as the literal {@code &#91;}.
     *
     * @param escaped text or a value as found in a CQ code string
     * @return the literal text
     */
    public static String unescape(String escaped) {
        return escaped.replace("&#91;", "[").replace("&#93;", "]").replace("&#44;", ",")
                .replace("&amp;", "&");
    }

    private static void addText(List<Segment> segments, String escaped) {
        if (!escaped.isEmpty()) {
            segments.add(new Text(unescape(escaped)));
        }
    }

    /** Parses the part between {@code [CQ:} and {@code ]} of a segment already known to be well formed. */
    private static Segment parseSegment(String body, String position) {
        String[] parts = body.split(",", -1);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            params.put(parts[i].substring(0, equals), unescape(parts[i].substring(equals + 1)));
        }
        JsonObjectBuilder data = Jsonp.createObjectBuilder();
        params.forEach(data::add);
        return Segment.read(parts[0], new SegmentData(position, data.build(), MessageValues::read));
    }

    private static void appendCode(StringBuilder out, Segment segment) {
        out.append(PREFIX).append(segment.type());
        JsonObject data = segment.data();
        if (segment instanceof CustomNode node) {
            data = Jsonp.createObjectBuilder(data).add("content", encode(node.content())).build();
        }
        data.forEach((key, value) -> {
            String text = valueText(value);
            if (!text.isEmpty()) {
                out.append(',').append(key).append('=').append(escapeValue(text));
            }
        });
        out.append(']');
    }

    private static String valueText(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> "";
            case STRING -> ((JsonString) value).getString();
            default -> value.toString();
        };
    }

    /**
     * Finds the leftmost well-formed coded segment starting at or after {@code from}.
     *
     * <p>Every position holding {@code [} starts a candidate that is followed through the small
     * automaton {@link State}. Candidates in the same state behave identically from then on, so
     * only the earliest start is kept per state, which makes the search linear in the input
     * length. A candidate can only end at the first {@code ]} after its start, so at each
     * {@code ]} all candidates either finish or die, and the earliest finishing one is the answer.
     */
    private static Span findSegment(String message, int from) {
        State[] states = State.values();
        int[] current = new int[states.length];
        int[] next = new int[states.length];
        Arrays.fill(current, -1);
        for (int i = from; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == ']') {
                int start = earlier(current[State.TYPE.ordinal()], current[State.VALUE.ordinal()]);
                if (start >= 0) {
                    return new Span(start, i + 1);
                }
            }
            Arrays.fill(next, -1);
            for (State state : states) {
                State following = current[state.ordinal()] < 0 ? null : state.next(c);
                if (following != null) {
                    next[following.ordinal()] = earlier(next[following.ordinal()], current[state.ordinal()]);
                }
            }
            if (c == '[') {
                next[State.BRACKET.ordinal()] = i;
            }
            int[] swap = current;
            current = next;
            next = swap;
        }
        return null;
    }

    /** The smaller of two start positions, where {@code -1} means none. */
    private static int earlier(int a, int b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** A coded segment found in a string: from its {@code [} to just after its {@code ]}. */
    private record Span(int start, int end) {
    }

    /**
     * Where a candidate segment stands after reading some characters. Every state dies on
     * {@code ]}; the caller checks beforehand whether the candidate finishes there.
     */
    private enum State {
        BRACKET, C, Q, TYPE_START, TYPE, KEY_START, KEY, VALUE;

        /** The state after reading {@code c}, or {@code null} when the candidate is not a segment. */
        State next(char c) {
            return switch (this) {
                case BRACKET -> c == 'C' ? C : null;
                case C -> c == 'Q' ? Q : null;
                case Q -> c == ':' ? TYPE_START : null;
                case TYPE_START -> isWordChar(c) ? TYPE : null;
                case TYPE -> isWordChar(c) ? TYPE : c == ',' ? KEY_START : null;
                case KEY_START -> isWordChar(c) ? KEY : null;
                case KEY -> isWordChar(c) ? KEY : c == '=' ? VALUE : null;
                case VALUE -> c == ',' ? KEY_START : c == ']' ? null : VALUE;
            };
        }
    }
}
