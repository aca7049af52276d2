package dev.quarry.it.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.quarry.it.SqlCapture;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL echo of statements run by {@code @Transactional} and {@code CompletableFuture} methods:
 * the method, SQL, bind count, rows and elapsed time at DEBUG; abbreviated values at TRACE.
 */
@PostgresTest
class TransactionalEchoTest {
    private static Database db;
    private static Echoed echoed;
    private SqlCapture sql;

    @BeforeAll
    static void setUp(TestDatabase database) {
        database.execute(TxSchema.DDL + "INSERT INTO entry VALUES (1, 'one');");
        db = TxSchema.open(database);
        echoed = db.repository(Echoed.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void capture() {
        // at the configured level: each test sets the one it is about
        sql = new SqlCapture(null);
    }

    @AfterEach
    void release() {
        sql.close();
    }

    @Test
    void traceAbbreviatesLongTextAndBytesThenDebugSummarizes() {
        sql.level(Level.TRACE);
        assertEquals(1, echoed.countNote("x".repeat(300), new byte[1024]));
        List<ILoggingEvent> logged = sql.events();
        assertEquals(2, logged.size(), logged::toString);
        assertEquals(Level.TRACE, logged.get(0).getLevel());
        // 200 characters of the quoted value, then how long it was
        assertEquals("Echoed.countNote binds: $1='" + "x".repeat(199) + "…(302 chars), $2=bytea[1024 bytes]",
                logged.get(0).getFormattedMessage());
        assertEquals(Level.DEBUG, logged.get(1).getLevel());
        assertTrue(Pattern.matches("Echoed\\.countNote \\[2 binds, 1 rows, [0-9]+\\.[0-9]{3} ms] "
                        + Pattern.quote("SELECT count(*) FROM entry WHERE note = ? OR octet_length(?) > 0"),
                logged.get(1).getFormattedMessage()), logged.get(1).getFormattedMessage());
    }

    @Test
    void aFuturesStatementIsEchoedFromTheExecutorWithItsMethod() throws Exception {
        sql.level(Level.DEBUG);
        assertEquals(5, echoed.lengthAsync("hello").get(10, TimeUnit.SECONDS));
        List<ILoggingEvent> logged = sql.events();
        assertEquals(1, logged.size(), logged::toString);
        ILoggingEvent event = logged.get(0);
        assertTrue(Pattern.matches("Echoed\\.lengthAsync \\[1 binds, 1 rows, [0-9]+\\.[0-9]{3} ms] "
                + Pattern.quote("SELECT length(?)"), event.getFormattedMessage()), event.getFormattedMessage());
        assertNotEquals(Thread.currentThread().getName(), event.getThreadName());
    }

    @Test
    void debugLeavesTheValuesOut() {
        sql.level(Level.DEBUG);
        assertEquals(1, echoed.countNote("one", null));
        List<ILoggingEvent> logged = sql.events();
        assertEquals(1, logged.size(), logged::toString);
        assertTrue(logged.get(0).getFormattedMessage().startsWith("Echoed.countNote [2 binds, 1 rows, "),
                logged.get(0).getFormattedMessage());
    }
}
