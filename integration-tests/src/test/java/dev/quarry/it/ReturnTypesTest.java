package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.ReturnTypes.Category;
import dev.quarry.it.ReturnTypes.Item;
import dev.quarry.it.ReturnTypes.Mood;
import dev.quarry.it.ReturnTypes.Note;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.NoResultException;
import dev.quarry.runtime.TooManyResultsException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class ReturnTypesTest {
    private static final Item TOOL = new Item(1, "hammer", Category.TOOLS, Mood.HAPPY, new BigDecimal("19.90"), 5,
            Instant.parse("2024-01-02T03:04:05.123456Z"), LocalDateTime.parse("2024-01-02T03:04:05.654321"),
            LocalDate.parse("2024-01-02"), UUID.fromString("0b6f8a8e-93c8-4b6e-9f43-6d1f0e2b7a11"), true);
    private static final Item SPADE = new Item(2, "spade", Category.GARDEN, Mood.SAD, new BigDecimal("7.00"), 12,
            Instant.parse("1999-12-31T23:59:59Z"), LocalDateTime.parse("1999-12-31T23:59:59"),
            LocalDate.parse("1999-12-31"), UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479"), false);
    /** Every nullable column NULL. */
    private static final Item SEEDS = new Item(3, "seeds", Category.GARDEN, null, null, null,
            null, null, null, null, null);
    private static final Item NOVEL = new Item(4, "novel", Category.BOOKS, Mood.ANGRY, new BigDecimal("-0.01"), 0,
            Instant.parse("2030-06-15T12:00:00Z"), LocalDateTime.parse("2030-06-15T12:00:00"),
            LocalDate.parse("2030-06-15"), UUID.fromString("00000000-0000-0000-0000-000000000001"), true);
    private static final List<Item> ITEMS = List.of(TOOL, SPADE, SEEDS, NOVEL);
    private static final List<byte[]> PAYLOADS = Arrays.asList(new byte[] {1, 2, 3, (byte) 0xff}, new byte[0], null,
            new byte[] {0});

    private static TestDatabase testDb;
    private static Database db;
    private static ReturnTypes repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TYPE mood AS ENUM ('HAPPY', 'SAD', 'ANGRY');
                CREATE TABLE item (
                    id bigint PRIMARY KEY,
                    name text NOT NULL,
                    category text NOT NULL,
                    mood mood,
                    price numeric(12, 2),
                    qty int,
                    created_at timestamptz,
                    local_at timestamp,
                    day date,
                    token uuid,
                    active boolean,
                    payload bytea
                );
                CREATE TABLE note (
                    id bigserial PRIMARY KEY,
                    body text NOT NULL,
                    version int NOT NULL DEFAULT 0,
                    tag text
                );
                """);
        Jdbc.insert(database, "INSERT INTO item VALUES (?, ?, ?, ?::mood, ?, ?, ?, ?, ?, ?, ?, ?)", ITEMS, (stmt, item) -> {
            stmt.setLong(1, item.id());
            stmt.setString(2, item.name());
            stmt.setString(3, item.category().name());
            stmt.setString(4, item.mood() == null ? null : item.mood().name());
            stmt.setBigDecimal(5, item.price());
            stmt.setObject(6, item.qty(), Types.INTEGER);
            stmt.setObject(7, item.createdAt() == null ? null : item.createdAt().atOffset(ZoneOffset.UTC),
                    Types.TIMESTAMP_WITH_TIMEZONE);
            stmt.setObject(8, item.localAt(), Types.TIMESTAMP);
            stmt.setObject(9, item.day(), Types.DATE);
            stmt.setObject(10, item.token(), Types.OTHER);
            stmt.setObject(11, item.active(), Types.BOOLEAN);
            stmt.setBytes(12, PAYLOADS.get((int) item.id() - 1));
        });
        db = Databases.open(database);
        repo = db.repository(ReturnTypes.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @AfterEach
    void everyConnectionReturned() throws SQLException {
        assertEquals(0, Databases.activeConnections(db));
    }

    // records

    @Test
    void recordReadsTheOneRow() {
        assertEquals(TOOL, repo.get(1));
        assertEquals(SEEDS, repo.get(3));
        assertEquals(TOOL, repo.oneInCategory(Category.TOOLS));
    }

    @Test
    void recordWithoutRowIsNoResult() {
        NoResultException e = assertThrows(NoResultException.class, () -> repo.oneInCategory(Category.TOYS));
        assertEquals("ReturnTypes.oneInCategory: expected exactly one row, the query returned none", e.getMessage());
        assertEquals("ReturnTypes.oneInCategory", e.method());
        assertEquals("SELECT " + ReturnTypes.ITEM_COLUMNS + " FROM item WHERE category = ? ORDER BY id", e.sql());
        assertNull(e.sqlState());
    }

    @Test
    void recordWithTwoRowsIsTooMany() {
        TooManyResultsException e = assertThrows(TooManyResultsException.class,
                () -> repo.oneInCategory(Category.GARDEN));
        assertEquals("ReturnTypes.oneInCategory: expected at most one row, the query returned more", e.getMessage());
        assertEquals("ReturnTypes.oneInCategory", e.method());
    }

    @Test
    void optionalRecordHoldsZeroOrOneRow() {
        assertEquals(Optional.empty(), repo.findInCategory(Category.TOYS));
        assertEquals(Optional.of(TOOL), repo.findInCategory(Category.TOOLS));
        TooManyResultsException e = assertThrows(TooManyResultsException.class,
                () -> repo.findInCategory(Category.GARDEN));
        assertEquals("ReturnTypes.findInCategory: expected at most one row, the query returned more", e.getMessage());
    }

    @Test
    void listOfRecordsKeepsTheQueryOrder() {
        assertEquals(ITEMS, repo.all());
        assertEquals(List.of(SPADE, SEEDS), repo.inCategory(Category.GARDEN));
        assertEquals(List.of(), repo.inCategory(Category.TOYS));
    }

    @Test
    void setOfRecordsKeepsTheQueryOrder() {
        Set<Item> newestFirst = repo.allNewestFirst();
        List<Item> expected = new ArrayList<>(ITEMS);
        Collections.reverse(expected);
        assertEquals(expected, new ArrayList<>(newestFirst));
    }

    // scalars

    @Test
    void scalarsReadTheirColumn() {
        assertEquals(5, repo.qtyOf(1));
        assertEquals(ITEMS.size(), repo.countAll());
        assertEquals("spade", repo.nameOf(2));
        assertEquals(new BigDecimal("-0.01"), repo.priceOf(4));
        assertEquals(TOOL.createdAt(), repo.createdAtOf(1));
        assertEquals(TOOL.createdAt(), repo.createdAtWithOffsetOf(1).toInstant());
        assertEquals(TOOL.day(), repo.dayOf(1));
        assertEquals(TOOL.localAt(), repo.localAtOf(1));
        assertEquals(SPADE.token(), repo.tokenOf(2));
        assertTrue(repo.activeOf(1));
        assertFalse(repo.activeOf(2));
        assertArrayEquals(PAYLOADS.get(0), repo.payloadOf(1));
        assertArrayEquals(new byte[0], repo.payloadOf(2));
        assertNull(repo.payloadOf(3));
    }

    @Test
    void scalarWithoutRowIsNoResult() {
        NoResultException e = assertThrows(NoResultException.class, () -> repo.nameOf(99));
        assertEquals("ReturnTypes.nameOf: expected exactly one row, the query returned none", e.getMessage());
    }

    @Test
    void offsetDateTimeComesBackAsTheSameInstant() {
        OffsetDateTime read = repo.createdAtWithOffsetOf(2);
        assertEquals(SPADE.createdAt(), read.toInstant());
    }

    @Test
    void enumsReadFromTextAndFromPostgresEnumColumns() {
        assertEquals(Category.GARDEN, repo.categoryOf(2));
        assertEquals(Category.BOOKS, repo.categoryOf(4));
        assertEquals(Mood.SAD, repo.moodOf(2));
        assertEquals(Arrays.asList(Mood.HAPPY, Mood.SAD, null, Mood.ANGRY), repo.moods());
    }

    @Test
    void boxedScalarsKeepNull() {
        assertNull(repo.qtyOrNull(3));
        assertNull(repo.qtyAsLongOrNull(3));
        assertNull(repo.qtyAsShortOrNull(3));
        assertNull(repo.qtyAsDoubleOrNull(3));
        assertNull(repo.qtyAsFloatOrNull(3));
        assertNull(repo.activeOrNull(3));
        assertNull(repo.createdAtOrNull(3));
        assertNull(repo.moodOf(3));
    }

    @Test
    void boxedScalarsReadValuesIncludingZeroAndFalse() {
        assertEquals(12, repo.qtyOrNull(2));
        assertEquals(0, repo.qtyOrNull(4));
        assertEquals(12L, repo.qtyAsLongOrNull(2));
        assertEquals((short) 12, repo.qtyAsShortOrNull(2));
        assertEquals(12.0, repo.qtyAsDoubleOrNull(2));
        assertEquals(0.0f, repo.qtyAsFloatOrNull(4));
        assertEquals(Boolean.FALSE, repo.activeOrNull(2));
        assertEquals(Category.TOOLS, repo.categoryOrNull(1));
    }

    @Test
    void nullIntoPrimitiveScalarIsAnErrorNamingTheColumn() {
        DataException e = assertThrows(DataException.class, () -> repo.qtyOf(3));
        assertEquals("ReturnTypes.qtyOf: column \"qty\" is NULL but is read into a int; declare the component or "
                + "return type as the boxed type to accept NULL", e.getMessage());
        assertEquals("ReturnTypes.qtyOf", e.method());
        DataException b = assertThrows(DataException.class, () -> repo.activeOf(3));
        assertTrue(b.getMessage().startsWith("ReturnTypes.activeOf: column \"active\" is NULL"), b.getMessage());
    }

    @Test
    void optionalScalarIsEmptyForNoRowAndForNull() {
        assertEquals(Optional.of("hammer"), repo.findName(1));
        assertEquals(Optional.empty(), repo.findName(99));
        assertEquals(Optional.of(5), repo.findQty(1));
        assertEquals(Optional.empty(), repo.findQty(3));
        assertEquals(Optional.of("hammer"), repo.findNameInCategory(Category.TOOLS));
        TooManyResultsException e = assertThrows(TooManyResultsException.class,
                () -> repo.findNameInCategory(Category.GARDEN));
        assertEquals("ReturnTypes.findNameInCategory", e.method());
    }

    @Test
    void listOfScalarsKeepsOrderAndNulls() {
        assertEquals(ITEMS.stream().map(Item::name).toList(), repo.names());
        assertEquals(Arrays.asList(5, 12, null, 0), repo.quantities());
    }

    // statements without rows

    @Test
    void insertReturnsTheAffectedRowCount() {
        assertEquals(1, repo.insertNote("first", "insert"));
        assertEquals(1, repo.insertNote("second", "insert"));
        assertEquals(List.of("first", "second"), Jdbc.query(testDb,
                "SELECT body FROM note WHERE tag = 'insert' ORDER BY id", rs -> rs.getString(1)));
    }

    @Test
    void updateReturnsTheAffectedRowCountAsLong() {
        repo.insertNote("a", "retag-from");
        repo.insertNote("b", "retag-from");
        repo.insertNote("c", "retag-other");
        assertEquals(2L, repo.retag("retag-from", "retag-to"));
        assertEquals(0L, repo.retag("retag-from", "retag-to"));
        assertEquals(List.of("a", "b"), Jdbc.query(testDb,
                "SELECT body FROM note WHERE tag = 'retag-to' ORDER BY id", rs -> rs.getString(1)));
        assertEquals(List.of("c"), Jdbc.query(testDb,
                "SELECT body FROM note WHERE tag = 'retag-other'", rs -> rs.getString(1)));
    }

    @Test
    void voidStatementRuns() {
        repo.insertNote("gone", "delete-me");
        repo.insertNote("stays", "keep-me");
        repo.deleteTagged("delete-me");
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM note WHERE tag = 'delete-me'"));
        assertEquals(1, testDb.queryLong("SELECT count(*) FROM note WHERE tag = 'keep-me'"));
    }

    // RETURNING

    @Test
    void insertReturningIntoRecord() {
        Note note = repo.addNote("returned", "returning-one");
        List<Note> stored = Jdbc.query(testDb, "SELECT id, body, version, tag FROM note WHERE tag = 'returning-one'",
                rs -> new Note(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
        assertEquals(List.of(note), stored);
        assertEquals("returned", note.body());
    }

    @Test
    void insertReturningIntoList() {
        List<Note> notes = repo.addTwoNotes("one", "two", "returning-list");
        List<Note> stored = Jdbc.query(testDb,
                "SELECT id, body, version, tag FROM note WHERE tag = 'returning-list' ORDER BY id",
                rs -> new Note(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
        assertEquals(stored, notes.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList());
        assertEquals(List.of("one", "two"), stored.stream().map(Note::body).toList());
    }

    @Test
    void insertReturningIntoScalar() {
        long id = repo.addNoteReturningId("scalar-returning");
        assertEquals(List.of("scalar-returning"),
                Jdbc.query(testDb, "SELECT body FROM note WHERE id = ?", rs -> rs.getString(1), id));
    }

    @Test
    void updateReturningIntoOptional() {
        Note note = repo.addNote("bumped", "returning-optional");
        assertEquals(Optional.of(new Note(note.id(), "bumped", 1, "returning-optional")), repo.bump(note.id()));
        assertEquals(1, testDb.queryLong("SELECT version FROM note WHERE id = " + note.id()));
        assertEquals(Optional.empty(), repo.bump(-1));
    }
}
