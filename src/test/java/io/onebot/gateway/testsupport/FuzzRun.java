package io.onebot.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.onebot.gateway.testsupport.BadFrames.Frame;
import io.onebot.gateway.testsupport.BadFrames.Kind;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Sends generated frames in batches over one {@link Wire} and checks the answers: exactly one per
 * frame, matched by echo where the frame was tracked and by count otherwise, never relying on the
 * order they come in. Every answer must be a well-formed OneBot envelope with an allowed return
 * code. Counts by kind and by return code are kept for the report.
 *
 * <p>The seed and the number of frames come from {@code -Dfuzz.seed} (a number, or {@code random})
 * and {@code -Dfuzz.frames}, so that a failure seen once can be replayed.
 */
public final class FuzzRun {

    /** Where the frames go and the answers come from. */
    public interface Wire {
        /** Sends one text frame. */
        void text(String frame) throws Exception;

        /** Sends one binary frame. */
        void binary(byte[] frame) throws Exception;

        /** The next answer, or null when none comes within {@code wait}. */
        String answer(Duration wait) throws InterruptedException;
    }

    /** How long one answer may take; generous, because a shared machine may be slow. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** The seed used when {@code fuzz.seed} is not given: fixed, so that the unit suite is repeatable. */
    public static final long DEFAULT_SEED = 0x0B07_2024_F022L;
    private static final Set<String> ENVELOPE = Set.of("status", "retcode", "data", "message", "wording", "echo");
    /**
     * Reads answers; echoes may hold numbers longer than Parsson's default limit of 1100
     * characters, which the gateway hands back as they came.
     */
    private static final JsonReaderFactory READER = JsonProvider.provider()
            .createReaderFactory(Map.of("org.eclipse.parsson.maxBigDecimalLength", 100_000));

    private final Wire wire;
    private final Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
    private final Map<Integer, Integer> byRetcode = new TreeMap<>();
    private int frames;
    private long characters;

    public FuzzRun(Wire wire) {
        this.wire = wire;
    }

    /**
     * How often each kind is picked: mostly the cheap ones, a mebibyte echo about once in 200
     * frames. {@code -Dfuzz.kinds=RANDOM_PARAMS,WRONG_TYPES} keeps only the kinds named, to spend
     * a long run on one of them.
     */
    public static Map<Kind, Integer> weights() {
        Map<Kind, Integer> weights = defaultWeights();
        String only = System.getProperty("fuzz.kinds", "").trim();
        if (!only.isEmpty()) {
            Set<Kind> kept = Arrays.stream(only.split(",")).map(String::trim).map(Kind::valueOf).collect(Collectors.toSet());
            weights.keySet().retainAll(kept);
        }
        return weights;
    }

    private static Map<Kind, Integer> defaultWeights() {
        Map<Kind, Integer> weights = new EnumMap<>(Kind.class);
        weights.put(Kind.VALID, 20);
        weights.put(Kind.BINARY_REQUEST, 6);
        weights.put(Kind.RANDOM_TEXT, 16);
        weights.put(Kind.RANDOM_BYTES, 12);
        weights.put(Kind.TRUNCATED, 16);
        weights.put(Kind.MUTATED, 24);
        weights.put(Kind.INVALID_UTF8, 12);
        weights.put(Kind.DEEP_NESTING, 8);
        weights.put(Kind.HUGE_NUMBERS, 12);
        weights.put(Kind.DUPLICATE_KEYS, 8);
        weights.put(Kind.WRONG_TYPES, 24);
        weights.put(Kind.RANDOM_PARAMS, 28);
        weights.put(Kind.HUGE_ECHO, 1);
        weights.put(Kind.BAD_ENVELOPE, 12);
        weights.put(Kind.ODD_NAMES, 12);
        return weights;
    }

    /** {@code fuzz.seed}, or the fixed default; {@code random} picks one (printed with the report). */
    public static long seed() {
        String given = System.getProperty("fuzz.seed", "").trim();
        if (given.isEmpty()) {
            return DEFAULT_SEED;
        }
        return given.equalsIgnoreCase("random") ? System.nanoTime() : Long.decode(given);
    }

    /** {@code fuzz.frames}, or the default given. */
    public static int frames(int defaultFrames) {
        return Integer.getInteger("fuzz.frames", defaultFrames);
    }

    /**
     * Sends about {@code total} frames of the weighted kinds in batches of {@code batchSize}, each
     * batch holding at least one valid call whose answer proves the connection still works.
     */
    public void run(BadFrames generator, long seed, int total, int batchSize, Map<Kind, Integer> weights)
            throws Exception {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Kind> table = new ArrayList<>();
        weights.forEach((kind, weight) -> {
            for (int i = 0; i < weight; i++) {
                table.add(kind);
            }
        });
        int sent = 0;
        while (sent < total) {
            List<Frame> batch = new ArrayList<>(batchSize);
            batch.add(generator.valid());
            while (batch.size() < Math.min(batchSize, total - sent)) {
                batch.add(random.nextInt(batch.size() + 1), generator.next(table.get(random.nextInt(table.size()))));
            }
            batch(batch);
            sent += batch.size();
        }
    }

    /** Sends the frames, then waits for as many answers and checks them. */
    public void batch(List<Frame> batch) throws Exception {
        for (Frame frame : batch) {
            if (frame.text() != null) {
                wire.text(frame.text());
            } else {
                wire.binary(frame.binary());
            }
        }
        List<JsonObject> answers = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String answer = wire.answer(WAIT);
            if (answer == null) {
                fail(batch.size() - answers.size() + " of " + batch.size() + " frames got no answer within " + WAIT
                        + "; unanswered tracked frames: " + unanswered(batch, answers));
            }
            answers.add(parse(answer));
        }
        check(batch, answers);
        for (Frame frame : batch) {
            byKind.merge(frame.kind(), 1, Integer::sum);
            characters += frame.length();
        }
        answers.forEach(answer -> byRetcode.merge(answer.getInt("retcode"), 1, Integer::sum));
        frames += batch.size();
    }

    /** After the last batch: no frame got a second answer. */
    public void assertNothingMore() throws InterruptedException {
        String extra = wire.answer(Duration.ofMillis(500));
        assertNull(extra, () -> "an answer no frame asked for: " + abbreviate(extra));
    }

    /** Frames sent, then counts by kind and by return code. */
    public String report(long seed) {
        return "fuzz seed=" + seed + " (replay with -Dfuzz.seed=" + seed + "), " + frames + " frames, " + characters
                + " characters/bytes; by kind " + byKind + "; answers by retcode " + byRetcode;
    }

    public int frames() {
        return frames;
    }

    public Map<Kind, Integer> byKind() {
        return byKind;
    }

    private static void check(List<Frame> batch, List<JsonObject> answers) {
        Map<String, Frame> tracked = new LinkedHashMap<>();
        List<Frame> untracked = new ArrayList<>();
        for (Frame frame : batch) {
            if (frame.tracked()) {
                tracked.put(frame.tag(), frame);
            } else {
                untracked.add(frame);
            }
        }
        Map<String, JsonObject> byTag = new HashMap<>();
        List<JsonObject> rest = new ArrayList<>();
        for (JsonObject answer : answers) {
            checkEnvelope(answer);
            String tag = BadFrames.tagOf(answer.get("echo"));
            if (tag == null) {
                rest.add(answer);
                continue;
            }
            Frame frame = tracked.get(tag);
            assertNotNull(frame, () -> "an answer whose echo belongs to no frame of this batch: " + abbreviate(answer.toString()));
            JsonObject earlier = byTag.put(tag, answer);
            assertNull(earlier, () -> "two answers for " + frame.describe());
        }
        for (Frame frame : tracked.values()) {
            JsonObject answer = byTag.get(frame.tag());
            assertNotNull(answer, () -> "no answer (by echo) for " + frame.describe());
            int retcode = answer.getInt("retcode");
            assertTrue(frame.retcodes().contains(retcode), () -> "retcode " + retcode + " not in " + frame.retcodes()
                    + " for " + frame.describe() + "\n  answer: " + abbreviate(answer.toString()));
            assertTrue(frame.echo().equals(answer.get("echo")), () -> "the echo did not come back unchanged for "
                    + frame.describe() + "\n  answer: " + abbreviate(answer.toString()));
            String problem = frame.check().problem(answer);
            assertNull(problem, () -> problem + " for " + frame.describe() + "\n  answer: " + abbreviate(answer.toString()));
        }
        assertEquals(untracked.size(), rest.size(), () -> "answers without a tracked echo: " + rest.size()
                + ", frames without one: " + untracked.size());
        for (JsonObject answer : rest) {
            int retcode = answer.getInt("retcode");
            assertTrue(untracked.stream().anyMatch(f -> f.retcodes().contains(retcode) && f.check().problem(answer) == null),
                    () -> "an answer that fits none of the untracked frames " + untracked.stream().map(Frame::kind).toList()
                            + ": " + abbreviate(answer.toString()) + "\n  frames: " + untracked.stream()
                            .map(Frame::describe).collect(Collectors.joining("\n    ", "\n    ", "")));
        }
    }

    /** A OneBot answer: exactly the six keys, status agreeing with retcode, a failure with a reason and no data. */
    private static void checkEnvelope(JsonObject answer) {
        assertEquals(ENVELOPE, answer.keySet(), () -> "not a OneBot answer: " + abbreviate(answer.toString()));
        assertTrue(answer.get("retcode") instanceof JsonNumber, () -> "retcode is not a number: " + abbreviate(answer.toString()));
        assertTrue(answer.get("message") instanceof JsonString && answer.get("wording") instanceof JsonString,
                () -> "message or wording is not a string: " + abbreviate(answer.toString()));
        assertEquals(answer.getString("message"), answer.getString("wording"));
        boolean ok = answer.getInt("retcode") == 0;
        assertEquals(ok ? "ok" : "failed", answer.getString("status"), () -> abbreviate(answer.toString()));
        if (!ok) {
            assertEquals(JsonValue.NULL, answer.get("data"), () -> "a failure with data: " + abbreviate(answer.toString()));
            assertFalse(answer.getString("message").isBlank(), () -> "a failure that does not say why: "
                    + abbreviate(answer.toString()));
        }
    }

    private static List<String> unanswered(List<Frame> batch, List<JsonObject> answers) {
        Set<String> answered = answers.stream().map(a -> BadFrames.tagOf(a.get("echo"))).collect(Collectors.toSet());
        return batch.stream().filter(f -> f.tracked() && !answered.contains(f.tag())).map(Frame::describe).toList();
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = READER.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return fail("an answer that is not a JSON object: " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? null : BadValues.printable(text, 500);
    }
}
