package io.onebot.gateway.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The named numbers a run produced, in the order they were measured, plus the notes that explain
 * a missing or partial figure. Written as {@code name=value} lines so that two runs (gateway and
 * reference peer) can be compared figure by figure.
 */
final class Figures {

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** Records a figure; NaN means it could not be measured. */
    void put(String name, double value) {
        values.put(name, value);
    }

    /** Records why something is missing or incomplete. */
    void note(String text) {
        notes.add(text);
    }

    /** A recorded figure, NaN when absent. */
    double get(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    /** Every figure, in the order recorded. */
    Map<String, Double> all() {
        return Map.copyOf(values);
    }

    /** Every figure's name, in the order recorded. */
    List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The notes, in the order recorded. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Writes {@code name=value} lines and the notes as {@code # } comments. */
    void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String note : notes) {
                out.write("# " + note.replace('\n', ' ') + "\n");
            }
            for (Map.Entry<String, Double> e : values.entrySet()) {
                out.write(e.getKey() + "=" + format(e.getValue()) + "\n");
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    static Figures read(Path file) throws IOException {
        Figures figures = new Figures();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# ")) {
                figures.note(line.substring(2));
            } else if (line.contains("=")) {
                int eq = line.indexOf('=');
                String value = line.substring(eq + 1).trim();
                figures.put(line.substring(0, eq).trim(), value.equals("-") ? Double.NaN : Double.parseDouble(value));
            }
        }
        return figures;
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4f", value);
    }
}
