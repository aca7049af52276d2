package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQL echo on logger {@code dev.quarry.sql}, captured in memory. */
@PostgresTest
class SqlEchoTest {
    private static Database db;
    private static Echo repo;
    private SqlCapture sql;

    @BeforeAll
    static void setUp(TestDatabase database) {
        database.execute("""
                CREATE TABLE echo (id int PRIMARY KEY, name text NOT NULL);
                INSERT INTO echo VALUES (1, 'one'), (2, 'two'), (3, 'three');
                CREATE TABLE echo_scratch (id int PRIMARY KEY, name text NOT NULL);
                INSERT INTO echo_scratch VALUES (1, 'a'), (2, 'b'), (3, 'c');
                """);
        db = Databases.open(database);
        repo = db.repository(Echo.class);
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
    void quietByDefault() {
        assertEquals(List.of("one", "two", "three"), repo.namesFrom(1));
        assertEquals(List.of(), sql.events());
    }

    @Test
    void debugLogsTheStatementOnce() {
        sql.level(Level.DEBUG);
        assertEquals(List.of("two", "three"), repo.namesFrom(2));
        List<ILoggingEvent> logged = sql.events("Echo.namesFrom");
        assertEquals(1, logged.size(), sql.events()::toString);
        ILoggingEvent event = logged.get(0);
        assertEquals(Level.DEBUG, event.getLevel());
        assertTrue(Pattern.matches(
                "Echo\\.namesFrom \\[1 binds, 2 rows, [0-9]+[.,][0-9]{3} ms] "
                        + Pattern.quote("SELECT name FROM echo WHERE id >= ? ORDER BY id"),
                event.getFormattedMessage()), event.getFormattedMessage());
        assertEquals(1, sql.events().size(), "no bound values below TRACE");
    }

    @Test
    void debugLogsAffectedRowsOfAnUpdate() {
        sql.level(Level.DEBUG);
        assertEquals(2, repo.rename(2, "renamed"));
        List<ILoggingEvent> logged = sql.events("Echo.rename");
        assertEquals(1, logged.size(), sql.events()::toString);
        assertTrue(logged.get(0).getFormattedMessage().startsWith("Echo.rename [2 binds, 2 rows, "),
                logged.get(0).getFormattedMessage());
        assertTrue(logged.get(0).getFormattedMessage().endsWith("] UPDATE echo_scratch SET name = ? WHERE id <= ?"),
                logged.get(0).getFormattedMessage());
    }

    @Test
    void traceAddsTheBoundValues() {
        sql.level(Level.TRACE);
        assertEquals(2L, repo.count("three", new long[] {1, 99}, new byte[] {1, 2, 3}));
        List<ILoggingEvent> logged = sql.events("Echo.count");
        assertEquals(2, logged.size(), sql.events()::toString);
        assertEquals(Level.TRACE, logged.get(0).getLevel());
        assertEquals("Echo.count binds: $1='three', $2=[1, 99], $3=bytea[3 bytes]",
                logged.get(0).getFormattedMessage());
        assertEquals(Level.DEBUG, logged.get(1).getLevel());
        assertTrue(logged.get(1).getFormattedMessage().startsWith("Echo.count [3 binds, 1 rows, "),
                logged.get(1).getFormattedMessage());
    }

    @Test
    void traceShowsNullAsNull() {
        sql.level(Level.TRACE);
        assertEquals(3L, repo.count(null, new long[0], null));
        assertEquals("Echo.count binds: $1=NULL, $2=[], $3=NULL",
                sql.events("Echo.count").get(0).getFormattedMessage());
    }
}
