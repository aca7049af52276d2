package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.it.SqlCapture;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A bulk call writes all of its rows or none, wherever it fails and whatever transaction it is in. */
@PostgresTest
class AtomicityTest {
    private static TestDatabase testDb;
    private static Database db;
    private static ReadingRepository repo;
    private static GhostRepository ghosts;

    /** Each way of writing, with chunks of 100 rows. */
    enum Writer {
        COPY("copy100", r -> repo.copy100(r)),
        UNNEST("unnest100", r -> repo.unnest100(r)),
        BATCH("batch100", r -> repo.batch100(r)),
        UPSERT("upsert100", r -> repo.upsert100(r.stream())),
        BATCH_QUERY("batchQuery100", r -> repo.batchQuery100(r));

        final String method;
        final Function<List<Reading>, Long> write;

        Writer(String method, Function<List<Reading>, Long> write) {
            this.method = method;
            this.write = write;
        }

        String label() {
            return "ReadingRepository." + method;
        }
    }

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Reading.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(ReadingRepository.class);
        ghosts = db.repository(GhostRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE readings");
    }

    @AfterEach
    void everyConnectionReturned() throws SQLException {
        assertEquals(0, db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections());
    }

    private static long rows() {
        return testDb.queryLong("SELECT count(*) FROM readings");
    }

    /** 500 rows, five chunks of 100; row 250, in the third chunk, breaks the value >= 0 check. */
    private static List<Reading> withBadRowInThirdChunk() {
        List<Reading> rows = new ArrayList<>(LongStream.rangeClosed(1, 500).mapToObj(Reading::of).toList());
        Reading bad = rows.get(250);
        rows.set(250, new Reading(bad.id(), bad.sensor(), new BigDecimal("-1"), bad.label(), bad.takenAt()));
        return rows;
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aFailureInTheThirdChunkLeavesNoRow(Writer writer) {
        try (SqlCapture sql = new SqlCapture()) {
            DataException e = assertThrows(DataException.class, () -> writer.write.apply(withBadRowInThirdChunk()));
            assertEquals("23514", e.sqlState());
            assertEquals(writer.label(), e.method());
            assertTrue(e.getMessage().startsWith(writer.label() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("readings_value_check"), e.getMessage());
            assertTrue(e.getMessage().contains("[SQLSTATE 23514]"), e.getMessage());
            // the first two chunks did reach the table before the third failed
            assertEquals(2, sql.statements(writer.label()).size(), sql.statements(writer.label())::toString);
        }
        assertEquals(0, rows());
    }

    @Test
    void copyNamesTheFailingElementOfTheInput() {
        DataException e = assertThrows(DataException.class, () -> repo.copy100(withBadRowInThirdChunk()));
        // PostgreSQL reports line 51 of the third COPY; that is element 250 of the call's input
        assertTrue(e.getMessage().contains("Where: COPY readings, line 51"), e.getMessage());
        assertTrue(e.getMessage().contains("Input element: 250 (0-based)"), e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());
    }

    @ParameterizedTest
    @EnumSource(value = Writer.class, names = {"COPY", "UNNEST", "BATCH", "BATCH_QUERY"})
    void aDuplicateKeyIsAUniqueViolation(Writer writer) {
        List<Reading> rows = new ArrayList<>(LongStream.rangeClosed(1, 500).mapToObj(Reading::of).toList());
        rows.set(250, Reading.of(7));
        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> writer.write.apply(rows));
        assertEquals("23505", e.sqlState());
        assertEquals(writer.label(), e.method());
        assertEquals(0, rows());
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aNullElementIsNamedAndNothingIsWritten(Writer writer) {
        List<Reading> rows = new ArrayList<>(LongStream.rangeClosed(1, 300).mapToObj(Reading::of).toList());
        rows.set(150, null);
        DataException e = assertThrows(DataException.class, () -> writer.write.apply(rows));
        assertEquals(writer.label() + ": element 150 of 'rows' is null; no row of this call is written", e.getMessage());
        assertEquals(writer.label(), e.method());
        assertEquals(0, rows());
    }

    @Test
    void aNullArgumentIsRejectedNamingTheParameter() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> repo.copy100(null));
        assertTrue(e.getMessage().startsWith("ReadingRepository.copy100: parameter 'rows' is null"), e.getMessage());
        assertThrows(NullPointerException.class, () -> repo.batchQuery100(null));
    }

    @Test
    void anEnclosingTransactionThatFailsTakesEverythingBack() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            assertEquals(250, repo.copy100(LongStream.rangeClosed(1, 250).mapToObj(Reading::of).toList()));
            assertEquals(250, repo.unnest100(LongStream.rangeClosed(251, 500).mapToObj(Reading::of).toList()));
            assertEquals(1, repo.batchQuery100(List.of(Reading.of(501))));
            throw new IllegalStateException("changed my mind");
        }));
        assertEquals("changed my mind", e.getMessage());
        assertEquals(0, rows());
    }

    @Test
    void aFailedCallInsideATransactionTakesBackOnlyItsOwnRows() {
        db.transaction(() -> {
            repo.unnest100(LongStream.rangeClosed(1, 10).mapToObj(Reading::of).toList());
            assertThrows(DataException.class, () -> repo.copy100(withBadRowInThirdChunk().subList(10, 500)));
            // the transaction is still usable: the failed call was rolled back to its savepoint
            repo.batch100(LongStream.rangeClosed(1001, 1010).mapToObj(Reading::of).toList());
            return null;
        });
        assertEquals(20, rows());
        assertEquals(List.of("1", "10", "1001", "1010"),
                BulkJdbc.row(testDb, "SELECT min(id), max(id) FILTER (WHERE id < 1000), min(id) FILTER (WHERE id > 1000), max(id) FROM readings"));
    }

    @Test
    void theStreamIsClosedAfterSuccessAndAfterFailure() {
        AtomicBoolean closed = new AtomicBoolean();
        assertEquals(300, repo.copyStream100(LongStream.rangeClosed(1, 300).mapToObj(Reading::of)
                .onClose(() -> closed.set(true))));
        assertTrue(closed.get());
        closed.set(false);
        assertThrows(UniqueViolationException.class, () -> repo.copyStream100(
                LongStream.rangeClosed(1, 300).mapToObj(Reading::of).onClose(() -> closed.set(true))));
        assertTrue(closed.get());
        assertEquals(300, rows());
    }

    @Test
    void anExceptionFromTheStreamItselfLeavesNoRow() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> repo.copyStream100(
                LongStream.rangeClosed(1, 300).mapToObj(n -> {
                    if (n == 250) {
                        throw new IllegalStateException("source failed at " + n);
                    }
                    return Reading.of(n);
                })));
        assertEquals("source failed at 250", e.getMessage());
        assertEquals(0, rows());
        // the connection came back clean: the next call on it works
        assertEquals(5, repo.copyStream100(LongStream.rangeClosed(1, 5).mapToObj(Reading::of)));
    }

    @Test
    void anEmptyInputRunsNoSqlAndReturnsZero() {
        // every statement against no_such_table would fail, so success means no statement ran
        assertEquals(0, ghosts.copy(List.of()));
        assertEquals(0, ghosts.unnest(List.of()));
        assertEquals(0, ghosts.batch(List.of()));
        assertEquals(0, ghosts.auto(java.util.stream.Stream.empty()));
        assertEquals(List.of(), ghosts.returning(List.of()));
        assertEquals(0, ghosts.upsert(List.of()));
        assertEquals(0, ghosts.delete(List.of()));
        for (Function<List<Ghost>, Object> call : Arrays.<Function<List<Ghost>, Object>>asList(ghosts::copy,
                ghosts::unnest, ghosts::batch, ghosts::returning, ghosts::upsert, ghosts::delete)) {
            DataException e = assertThrows(DataException.class, () -> call.apply(List.of(new Ghost(1))));
            assertEquals("42P01", e.sqlState(), e.getMessage());
        }
    }
}
