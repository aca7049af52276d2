package dev.quarry.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SqlLogTest {
    private static final String METHOD = "ItemRepository.find";
    private static final String SQL = "SELECT id, name FROM items WHERE id = ANY(?) AND name = ?";

    private Logger logger;
    private ListAppender<ILoggingEvent> appender;

    @BeforeEach
    void capture() {
        logger = assertInstanceOf(Logger.class, LoggerFactory.getLogger("dev.quarry.sql"));
        appender = new ListAppender<>();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        // Keeps the captured statements off the console.
        logger.setAdditive(false);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setAdditive(true);
        logger.setLevel(null);
    }

    // ---- describe

    @Test
    void describesNullAsSqlNull() {
        assertEquals("NULL", SqlLog.describe(null));
    }

    @Test
    void describesBytesByTheirLength() {
        assertEquals("bytea[3 bytes]", SqlLog.describe(new byte[] {1, 2, 3}));
        assertEquals("bytea[0 bytes]", SqlLog.describe(new byte[0]));
    }

    @Test
    void quotesText() {
        assertEquals("'ann'", SqlLog.describe("ann"));
        assertEquals("''", SqlLog.describe(""));
        assertEquals("'built'", SqlLog.describe(new StringBuilder("built")));
    }

    @Test
    void describesArraysByTheirElements() {
        assertEquals("[1, b, null]", SqlLog.describe(new Object[] {1, "b", null}));
        assertEquals("[1, 2]", SqlLog.describe(new Long[] {1L, 2L}));
        assertEquals("[1, 2, 3]", SqlLog.describe(new long[] {1, 2, 3}));
        assertEquals("[7]", SqlLog.describe(new int[] {7}));
        assertEquals("[]", SqlLog.describe(new int[0]));
    }

    @Test
    void describesOtherValuesAsTheirString() {
        assertEquals("42", SqlLog.describe(42L));
        assertEquals("[4, 2]", SqlLog.describe(List.of(4, 2)));
        assertEquals("HAPPY", SqlLog.describe(Mood.HAPPY));
    }

    @Test
    void abbreviatesLongValues() {
        String described = SqlLog.describe("a".repeat(300));
        assertEquals("'" + "a".repeat(199) + "…(302 chars)", described);

        String longs = SqlLog.describe(new long[100]);
        assertTrue(longs.startsWith("[0, 0, "), longs);
        assertTrue(longs.endsWith("…(300 chars)"), longs);
        assertEquals(200 + "…(300 chars)".length(), longs.length());
    }

    @Test
    void keepsAValueOfExactlyTheLimit() {
        String limit = "b".repeat(198);
        assertEquals("'" + limit + "'", SqlLog.describe(limit));
        assertEquals("'" + limit + "b…(201 chars)", SqlLog.describe(limit + "b"));
    }

    // ---- executed and values

    @Test
    void logsAStatementAtDebug() {
        logger.setLevel(Level.DEBUG);

        SqlLog.executed(METHOD, SQL, 2, 5, System.nanoTime() - 1_500_000);

        assertEquals(1, appender.list.size());
        ILoggingEvent event = appender.list.get(0);
        assertEquals(Level.DEBUG, event.getLevel());
        assertEquals("dev.quarry.sql", event.getLoggerName());
        Matcher m = Pattern.compile("ItemRepository\\.find \\[2 binds, 5 rows, (\\d+\\.\\d{3}) ms] (.*)", Pattern.DOTALL)
                .matcher(event.getFormattedMessage());
        assertTrue(m.matches(), event.getFormattedMessage());
        assertTrue(Double.parseDouble(m.group(1)) >= 1.5, "elapsed " + m.group(1));
        assertEquals(SQL, m.group(2));
    }

    @Test
    void logsNoStatementAboveDebug() {
        logger.setLevel(Level.INFO);

        SqlLog.executed(METHOD, SQL, 2, 5, System.nanoTime());

        assertEquals(List.of(), appender.list);
    }

    @Test
    void logsBoundValuesAtTrace() {
        logger.setLevel(Level.TRACE);
        assertTrue(SqlLog.tracing());

        SqlLog.values(METHOD, new Object[] {new long[] {1, 2}, "ann", null, new byte[4]});

        assertEquals(1, appender.list.size());
        ILoggingEvent event = appender.list.get(0);
        assertEquals(Level.TRACE, event.getLevel());
        assertEquals("ItemRepository.find binds: $1=[1, 2], $2='ann', $3=NULL, $4=bytea[4 bytes]",
                event.getFormattedMessage());
    }

    @Test
    void logsNoValuesAtDebug() {
        logger.setLevel(Level.DEBUG);
        assertFalse(SqlLog.tracing());

        SqlLog.values(METHOD, new Object[] {1L, "ann"});

        assertEquals(List.of(), appender.list);
    }

    @Test
    void logsAStatementWithoutBinds() {
        logger.setLevel(Level.TRACE);

        SqlLog.values(METHOD, new Object[0]);
        SqlLog.executed(METHOD, "SELECT 1", 0, 1, System.nanoTime());

        assertEquals(2, appender.list.size());
        assertEquals("ItemRepository.find binds: ", appender.list.get(0).getFormattedMessage());
        assertTrue(appender.list.get(1).getFormattedMessage().startsWith("ItemRepository.find [0 binds, 1 rows, "),
                appender.list.get(1).getFormattedMessage());
    }

    private enum Mood { HAPPY }
}
