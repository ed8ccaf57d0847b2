package io.onebot.gateway.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

/**
 * Records every {@code java.util.logging} record written while it is open: the gateway's own
 * loggers at every level (FINE included, which a server would normally drop), everything else at
 * its configured level. For tests that check what the log says, that a secret never reaches it,
 * or that client mistakes are not logged as the gateway's own failures ({@link #failures}).
 */
public final class LogCapture implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Logger gateway = Logger.getLogger("io.onebot.gateway");
    private final Level previousLevel = gateway.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        gateway.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    /** Starts recording. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** The records so far. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The formatted messages of the records so far at {@code level} or above. */
    public List<String> messages(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(formatter::formatMessage).toList();
    }

    /**
     * Every piece of text of every record so far: the logger name, the raw and the formatted
     * message, each parameter, and the whole stack trace of a thrown exception with its messages.
     */
    public List<String> everyText() {
        SimpleFormatter formatter = new SimpleFormatter();
        List<String> texts = new ArrayList<>();
        for (LogRecord record : records) {
            texts.add(record.getLoggerName());
            texts.add(record.getMessage());
            texts.add(formatter.formatMessage(record));
            texts.add(formatter.format(record));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    texts.add(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                texts.add(trace.toString());
            }
        }
        return texts.stream().filter(text -> text != null).toList();
    }

    /** The records that report a failure of the gateway: SEVERE, or WARNING with a throwable. */
    public List<LogRecord> failures() {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                        || r.getLevel().intValue() >= Level.WARNING.intValue() && r.getThrown() != null)
                .toList();
    }

    /** The failures, one line each, for an assertion message. */
    public String describeFailures() {
        return failures().stream()
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " [" + r.getThrown() + "]"))
                .collect(Collectors.joining("\n", "\n", ""));
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        gateway.setLevel(previousLevel);
    }
}
