package io.onebot.gateway.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A text table with right-aligned columns, the layout of the Node bench's output. */
final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row; cells are printed as given. */
    void row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
            }
        }
        out.println(line(headers, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            line.append(i == 0 ? "" : "  ").append(" ".repeat(widths[i] - cell.length())).append(cell);
        }
        return line.toString().stripTrailing();
    }

    /** One decimal, or "-" for NaN. */
    static String f1(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", x) : "-";
    }

    /** Two decimals, or "-" for NaN. */
    static String f2(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.2f", x) : "-";
    }

    /** Rounded to a whole number, or "-" for NaN. */
    static String whole(double x) {
        return Double.isFinite(x) ? Long.toString(Math.round(x)) : "-";
    }
}
