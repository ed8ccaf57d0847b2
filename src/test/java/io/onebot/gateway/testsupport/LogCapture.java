package io.onebot.gateway.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Collects every {@code java.util.logging} record of WARNING or above published while it is open,
 * from any thread, so that a test can assert that client mistakes are not logged as the
 * gateway's own failures: nothing at SEVERE, and no WARNING that carries a stack trace.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    private LogCapture() {
        setLevel(Level.WARNING);
    }

    /** Starts capturing on the root logger. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** The records that report a failure of the gateway: SEVERE, or WARNING with a throwable. */
    public List<LogRecord> failures() {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() || r.getThrown() != null)
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
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
