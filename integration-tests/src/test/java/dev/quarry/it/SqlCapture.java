package dev.quarry.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The SQL echo (logger {@code dev.quarry.sql}) of one test, captured in memory: which statements a
 * call ran, and what the echo says about them. Closing it restores the logger's level.
 */
public final class SqlCapture implements AutoCloseable {
    private static final Logger SQL = (Logger) LoggerFactory.getLogger("dev.quarry.sql");

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Level before;

    /** Captures at DEBUG: one line per statement. */
    public SqlCapture() {
        this(Level.DEBUG);
    }

    /** Captures at {@code level}, or at the logger's configured level when {@code null}. */
    public SqlCapture(Level level) {
        before = SQL.getLevel();
        events.start();
        SQL.addAppender(events);
        if (level != null) {
            SQL.setLevel(level);
        }
    }

    public void level(Level level) {
        SQL.setLevel(level);
    }

    /** Everything logged so far, in order; calls on other threads may still be logging. */
    public List<ILoggingEvent> events() {
        synchronized (events) {
            return List.copyOf(events.list);
        }
    }

    /** What was logged for {@code method} ({@code Repository.method}), in order. */
    public List<ILoggingEvent> events(String method) {
        return events().stream().filter(e -> e.getFormattedMessage().startsWith(method + " ")).toList();
    }

    /** The lines logged for {@code method}, in order. */
    public List<String> statements(String method) {
        return events(method).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        SQL.detachAppender(events);
        SQL.setLevel(before);
    }
}
