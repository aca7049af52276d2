package dev.quarry.it.bulk;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The SQL echo ({@code dev.quarry.sql} at DEBUG) of one test, to see which statements a call ran. */
final class SqlCapture implements AutoCloseable {
    private static final Logger SQL = (Logger) LoggerFactory.getLogger("dev.quarry.sql");

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Level before;

    SqlCapture() {
        before = SQL.getLevel();
        events.start();
        SQL.addAppender(events);
        SQL.setLevel(Level.DEBUG);
    }

    /** The statements logged for {@code method} ({@code Repository.method}), in order. */
    List<String> statements(String method) {
        return events.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith(method + " ")).toList();
    }

    @Override
    public void close() {
        SQL.detachAppender(events);
        SQL.setLevel(before);
    }
}
