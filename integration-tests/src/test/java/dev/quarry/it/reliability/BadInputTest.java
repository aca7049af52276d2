package dev.quarry.it.reliability;

import static dev.quarry.it.reliability.Backends.active;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.NotNullViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Values the schema refuses: every call fails with a {@link DataException} whose message starts
 * with the method and carries what PostgreSQL says about the column or parameter, and no row of
 * the call is left in the table.
 */
@PostgresTest
class BadInputTest {
    /** The bad row is element 1 of three, so that rows before and after it are good. */
    private static final int BAD = 1;

    private static Connection admin;
    private static Database db;
    private static BadInput repo;

    /** Each way a row reaches the table; single-row methods get only the bad row. */
    enum Writer {
        COPY("copy", true, rows -> repo.copy(rows)),
        UNNEST("unnest", true, rows -> repo.unnest(rows)),
        BATCH("batch", true, rows -> repo.batch(rows)),
        /** A stream makes AUTO choose COPY. */
        AUTO("auto", true, rows -> repo.auto(rows.stream())),
        UPSERT("upsert", true, rows -> repo.upsert(rows)),
        BATCH_QUERY("batchQuery", true, rows -> repo.batchQuery(rows)),
        QUERY("add", false, rows -> {
            Guest g = rows.get(BAD);
            return (long) repo.add(g.id(), g.code(), g.name(), g.price());
        }),
        RECORD("addRecord", false, rows -> (long) repo.addRecord(rows.get(BAD)));

        final String method;
        final boolean bulk;
        final Function<List<Guest>, Long> write;

        Writer(String method, boolean bulk, Function<List<Guest>, Long> write) {
            this.method = method;
            this.bulk = bulk;
            this.write = write;
        }

        String label() {
            return "BadInput." + method;
        }

        /** COPY reports the line and column it failed on; Quarry turns the line into the input element. */
        boolean copies() {
            return this == COPY || this == AUTO;
        }

        /**
         * The other writers of a {@code @Table} record: PostgreSQL names only the type it refused a
         * value for, and the table's catalog tells which column has that type.
         */
        boolean namesColumnsByType() {
            return this == UNNEST || this == BATCH || this == UPSERT;
        }
    }

    @BeforeAll
    static void setUp(TestDatabase database) throws SQLException {
        database.execute(Guest.DDL);
        // the test's own reads and clean-ups share one connection outside the pool under test:
        // opening one per check would cost more than the calls being checked
        admin = database.dataSource().getConnection();
        db = Backends.open(database, "quarry-bad-input", 2);
        repo = db.repository(BadInput.class);
    }

    @AfterAll
    static void tearDown() throws SQLException {
        db.close();
        admin.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Statement stmt = admin.createStatement()) {
            // DELETE, not TRUNCATE: on tables this small it is several times faster
            stmt.execute("DELETE FROM guests; DELETE FROM visits; DELETE FROM measures");
        }
    }

    @AfterEach
    void noConnectionLeftCheckedOut() {
        assertEquals(0, active(db));
    }

    private static long rows(String table) {
        try (Statement stmt = admin.createStatement();
             ResultSet rs = stmt.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Guest> withBadRow(Guest bad) {
        List<Guest> rows = new ArrayList<>(List.of(Guest.of(1), Guest.of(2), Guest.of(3)));
        rows.set(BAD, bad);
        return rows;
    }

    /** The call fails naming its method first, the message holds every fragment, and nothing was written. */
    private static <E extends DataException> E fails(Class<E> type, Writer writer, List<Guest> rows, String sqlState,
                                                     String... fragments) {
        E e = assertThrows(type, () -> writer.write.apply(rows));
        assertEquals(writer.label(), e.method());
        assertTrue(e.getMessage().startsWith(writer.label() + ": "), e.getMessage());
        assertEquals(sqlState, e.sqlState(), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "no '" + fragment + "' in: " + e.getMessage());
        }
        if (writer.copies()) {
            assertTrue(e.getMessage().contains("Input element: " + BAD + " (0-based)"), e.getMessage());
        }
        assertEquals(0, rows("guests"));
        return e;
    }

    @ParameterizedTest
    @EnumSource(value = Writer.class, names = {"COPY", "UNNEST", "BATCH", "AUTO", "UPSERT", "BATCH_QUERY"})
    void aNullElementIsRefusedByPosition(Writer writer) {
        List<Guest> rows = withBadRow(null);
        DataException e = assertThrows(DataException.class, () -> writer.write.apply(rows));
        assertEquals(writer.label() + ": element 1 of 'guests' is null; no row of this call is written",
                e.getMessage());
        assertEquals(writer.label(), e.method());
        assertEquals(0, rows("guests"));
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void nullForANotNullColumnNamesTheColumn(Writer writer) {
        fails(NotNullViolationException.class, writer, withBadRow(new Guest(2, "g2", null, null)), "23502",
                "null value in column \"name\" of relation \"guests\" violates not-null constraint");
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aStringTooLongForVarchar(Writer writer) {
        DataException e = fails(DataException.class, writer, withBadRow(new Guest(2, "toolong", "n", null)), "22001",
                "value too long for type character varying(5)");
        // COPY's error context names the column; for the other bulk writers the column of that type is named
        assertEquals(writer.copies(), e.getMessage().contains("Where: COPY guests, line 2, column code"),
                e.getMessage());
        assertEquals(writer.namesColumnsByType(), e.getMessage().contains("\n  Column: \"code\" (character varying(5))"),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aNumberTooLargeForNumeric(Writer writer) {
        DataException e = fails(DataException.class, writer,
                withBadRow(new Guest(2, "g2", "n", new BigDecimal("1e20"))), "22003", "numeric field overflow");
        assertEquals(writer.copies(), e.getMessage().contains("Where: COPY guests, line 2, column price"),
                e.getMessage());
        assertEquals(writer.namesColumnsByType(), e.getMessage().contains("\n  Column: \"price\" (numeric(12,3))"),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aNulCharacterInText(Writer writer) {
        // PostgreSQL text cannot hold U+0000; where it says which value held it depends on the path
        DataException e = fails(DataException.class, writer, withBadRow(new Guest(2, "g2", "a\u0000b", null)), "22021",
                "invalid byte sequence for encoding \"UTF8\": 0x00");
        if (writer.copies()) {
            assertTrue(e.getMessage().contains("Where: COPY guests, line 2, column name"), e.getMessage());
        }
        if (writer == Writer.QUERY || writer == Writer.RECORD) {
            assertTrue(e.getMessage().contains("Where: unnamed portal parameter $3"), e.getMessage());
        }
    }

    /** COPY, BATCH, {@code @Batch} and {@code @Query} send enums as text that PostgreSQL parses into the enum type. */
    @Test
    void anEnumConstantTheDatabaseDoesNotKnowNamesTheType() {
        List<Guest.Visit> visits = List.of(new Guest.Visit(1, Guest.Mood.CALM),
                new Guest.Visit(2, Guest.Mood.ECSTATIC));
        String unknown = "invalid input value for enum mood: \"ECSTATIC\"";
        List<Function<List<Guest.Visit>, Long>> calls = List.of(repo::copyVisits, repo::batchVisits,
                repo::batchQueryVisits, v -> (long) repo.addVisit(v.get(1).id(), v.get(1).mood()));
        List<String> labels = List.of("BadInput.copyVisits", "BadInput.batchVisits", "BadInput.batchQueryVisits",
                "BadInput.addVisit");
        for (int i = 0; i < calls.size(); i++) {
            Function<List<Guest.Visit>, Long> call = calls.get(i);
            DataException e = assertThrows(DataException.class, () -> call.apply(visits));
            assertEquals(labels.get(i), e.method());
            assertEquals("22P02", e.sqlState());
            assertTrue(e.getMessage().startsWith(labels.get(i) + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(unknown), e.getMessage());
            assertEquals(0, rows("visits"));
        }
        DataException batch = assertThrows(DataException.class, () -> repo.batchVisits(visits));
        assertTrue(batch.getMessage().contains("\n  Column: \"mood\" (mood)"), batch.getMessage());
        DataException copy = assertThrows(DataException.class, () -> repo.copyVisits(visits));
        assertTrue(copy.getMessage().contains("Where: COPY visits, line 2, column mood"), copy.getMessage());
        // the constants the type has go through
        assertEquals(2, repo.copyVisits(List.of(new Guest.Visit(1, Guest.Mood.CALM),
                new Guest.Visit(2, Guest.Mood.TENSE))));
    }

    @Test
    void arrayElementsOutOfRangeForTheColumnWriteNothing() {
        assertEquals(1, repo.add(1, "g1", "one", null));
        assertEquals(1, repo.setScores(1, List.of(7L, 8L)));
        // a List<Long> binds as bigint[]; PostgreSQL casts it to the integer[] column element by element
        DataException e = assertThrows(DataException.class, () -> repo.setScores(1, List.of(1L, 3_000_000_000L)));
        assertEquals("BadInput.setScores", e.method());
        assertEquals("22003", e.sqlState());
        assertTrue(e.getMessage().startsWith("BadInput.setScores: ERROR: integer out of range"), e.getMessage());
        assertEquals(Optional.of("{7,8}"), repo.scores(1));
    }

    @Test
    void emptyInputIsANoOpNotAnError() {
        assertEquals(1, repo.add(1, "g1", "one", null));
        assertEquals(0, repo.copy(List.of()));
        assertEquals(0, repo.unnest(List.of()));
        assertEquals(0, repo.batch(List.of()));
        assertEquals(0, repo.auto(Stream.empty()));
        assertEquals(0, repo.upsert(List.of()));
        assertEquals(0, repo.batchQuery(List.of()));
        assertEquals(List.of(), repo.find(List.of()));
        assertEquals(List.of(1L), repo.find(List.of(1L)));
        assertEquals(1, rows("guests"));
    }

    @Test
    void aNullCollectionIsRefusedBeforeAnySqlNamingTheParameter() {
        NullPointerException bulk = assertThrows(NullPointerException.class, () -> repo.copy(null));
        assertTrue(bulk.getMessage().startsWith("BadInput.copy: parameter 'guests' is null"), bulk.getMessage());
        NullPointerException array = assertThrows(NullPointerException.class, () -> repo.find(null));
        assertTrue(array.getMessage().startsWith("BadInput.find: parameter 'ids' is null"), array.getMessage());
        NullPointerException record = assertThrows(NullPointerException.class, () -> repo.addRecord(null));
        assertTrue(record.getMessage().startsWith("BadInput.addRecord: parameter 'g' is null"), record.getMessage());
    }

    /**
     * PostgreSQL's numeric has a NaN, so a double NaN bound to a numeric column is stored, not
     * refused; it reads back as NaN into a double, and into a BigDecimal (which has no NaN) it is
     * a DataException naming the method and the column. Infinity fits unconstrained numeric only.
     */
    @Test
    void nanIsStoredInNumericAndCannotBeReadAsBigDecimal() {
        assertEquals(1, repo.measure(1, Double.NaN));
        assertEquals("NaN NaN NaN", repo.measured(1));
        assertTrue(Double.isNaN(repo.amountAsDouble(1)));
        DataException e = assertThrows(DataException.class, () -> repo.amountAsBigDecimal(1));
        assertEquals("BadInput.amountAsBigDecimal", e.method());
        assertEquals("22003", e.sqlState());
        assertTrue(e.getMessage().startsWith("BadInput.amountAsBigDecimal: column \"amount\": Bad value for type "
                + "BigDecimal : NaN"), e.getMessage());

        DataException infinite = assertThrows(DataException.class, () -> repo.measure(2, Double.POSITIVE_INFINITY));
        assertEquals("BadInput.measure", infinite.method());
        assertEquals("22003", infinite.sqlState());
        assertTrue(infinite.getMessage().contains("numeric field overflow"), infinite.getMessage());
        assertTrue(infinite.getMessage().contains("precision 12, scale 3 cannot hold an infinite value"),
                infinite.getMessage());
        assertEquals(1, rows("measures"));
        assertEquals(1, repo.measureUnconstrained(3, Double.NEGATIVE_INFINITY));
        assertEquals("- -Infinity -Infinity", repo.measuredUnconstrained(3));
        assertInstanceOf(DataException.class, e);
    }
}
