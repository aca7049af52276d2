package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.it.ParameterTypes.Category;
import dev.quarry.it.ParameterTypes.Mood;
import dev.quarry.it.ParameterTypes.Val;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class ParameterTypesTest {
    private record Entry(int id, long big, String label, UUID token, Category cat, Mood mood, LocalDate day) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry(1, 10, "one", UUID.fromString("11111111-1111-1111-1111-111111111111"), Category.TOOLS,
                    Mood.HAPPY, LocalDate.parse("2024-01-01")),
            new Entry(2, 20, "two", UUID.fromString("22222222-2222-2222-2222-222222222222"), Category.GARDEN,
                    Mood.SAD, LocalDate.parse("2024-01-02")),
            new Entry(3, 30, "three", UUID.fromString("33333333-3333-3333-3333-333333333333"), Category.GARDEN,
                    Mood.ANGRY, LocalDate.parse("2024-01-03")),
            new Entry(4, 40, "four", UUID.fromString("44444444-4444-4444-4444-444444444444"), Category.BOOKS,
                    Mood.HAPPY, LocalDate.parse("2024-01-04")),
            new Entry(5, 50, "five", UUID.fromString("55555555-5555-5555-5555-555555555555"), Category.BOOKS,
                    Mood.SAD, LocalDate.parse("2024-01-05")));

    /** Values chosen near the edges of each type and, for times, with microseconds (PostgreSQL's precision). */
    private static final Val FULL = new Val(100, Integer.MIN_VALUE, Long.MAX_VALUE, Short.MIN_VALUE, -0.1, 3.25f, false,
            "O'Brien – ✓ :notaparam ? $1", new BigDecimal("12345678901234567890.000000001"),
            Instant.parse("2024-02-29T23:59:59.999999Z"), OffsetDateTime.parse("2024-05-06T07:08:09.123456+02:00"),
            LocalDate.parse("1969-07-20"), LocalDateTime.parse("2038-01-19T03:14:08.000001"),
            UUID.fromString("9f1c3e4a-0b2d-4c6e-8f10-a1b2c3d4e5f6"), Category.GARDEN, Mood.ANGRY);

    private static TestDatabase testDb;
    private static Database db;
    private static ParameterTypes repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TYPE mood AS ENUM ('HAPPY', 'SAD', 'ANGRY');
                CREATE TABLE val (
                    id int PRIMARY KEY,
                    i int, l bigint, sh smallint, db double precision, fl real, b boolean,
                    s text, d numeric, ts timestamptz, odt timestamptz, ld date, ldt timestamp,
                    u uuid, bytes bytea, cat text, mood mood
                );
                CREATE TABLE entry (
                    id int PRIMARY KEY, big bigint NOT NULL, label text NOT NULL, token uuid NOT NULL,
                    cat text NOT NULL, mood mood NOT NULL, day date NOT NULL
                );
                CREATE TABLE tagged (id int PRIMARY KEY, labels text[]);
                """);
        Jdbc.insert(database, "INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?::mood, ?)", ENTRIES, (stmt, e) -> {
            stmt.setInt(1, e.id());
            stmt.setLong(2, e.big());
            stmt.setString(3, e.label());
            stmt.setObject(4, e.token());
            stmt.setString(5, e.cat().name());
            stmt.setString(6, e.mood().name());
            stmt.setObject(7, e.day());
        });
        db = Databases.open(database);
        repo = db.repository(ParameterTypes.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @AfterEach
    void everyConnectionReturned() throws SQLException {
        assertEquals(0, Databases.activeConnections(db));
    }

    /** The row as PostgreSQL stored it, read with plain JDBC; timestamptz comes back at UTC. */
    private static Val stored(int id) {
        List<Val> rows = Jdbc.query(testDb, "SELECT * FROM val WHERE id = ?", ParameterTypesTest::val, id);
        assertEquals(1, rows.size(), "rows with id " + id);
        return rows.get(0);
    }

    private static Val val(ResultSet rs) throws SQLException {
        OffsetDateTime ts = rs.getObject("ts", OffsetDateTime.class);
        String cat = rs.getString("cat");
        String mood = rs.getString("mood");
        return new Val(rs.getInt("id"), rs.getObject("i", Integer.class), rs.getObject("l", Long.class),
                rs.getObject("sh", Short.class), rs.getObject("db", Double.class), rs.getObject("fl", Float.class),
                rs.getObject("b", Boolean.class), rs.getString("s"), rs.getBigDecimal("d"),
                ts == null ? null : ts.toInstant(), rs.getObject("odt", OffsetDateTime.class),
                rs.getObject("ld", LocalDate.class), rs.getObject("ldt", LocalDateTime.class),
                rs.getObject("u", UUID.class), cat == null ? null : Category.valueOf(cat),
                mood == null ? null : Mood.valueOf(mood));
    }

    /** What PostgreSQL gives back for {@code v}: the same instants, with timestamptz at UTC. */
    private static Val asStored(Val v) {
        return new Val(v.id(), v.i(), v.l(), v.sh(), v.db(), v.fl(), v.b(), v.s(), v.d(), v.ts(),
                v.odt() == null ? null : v.odt().withOffsetSameInstant(ZoneOffset.UTC), v.ld(), v.ldt(), v.u(),
                v.cat(), v.mood());
    }

    private static byte[] storedBytes(int id) {
        return Jdbc.query(testDb, "SELECT bytes FROM val WHERE id = ?", rs -> rs.getBytes(1), id).get(0);
    }

    private static List<Integer> idsWhere(Predicate<Entry> predicate) {
        return ENTRIES.stream().filter(predicate).map(Entry::id).toList();
    }

    // scalars

    @Test
    void primitivesRoundTrip() {
        assertEquals(1, repo.insertPrimitives(1, -7, Long.MIN_VALUE, Short.MAX_VALUE, 0.1, 1.5f, true));
        Val stored = stored(1);
        assertEquals(new Val(1, -7, Long.MIN_VALUE, Short.MAX_VALUE, 0.1, 1.5f, true, null, null, null, null,
                null, null, null, null, null), stored);
    }

    @Test
    void everyReferenceScalarRoundTrips() {
        byte[] bytes = {0, 1, -1, 127, -128};
        assertEquals(1, repo.insertReferences(FULL.id(), FULL.i(), FULL.l(), FULL.sh(), FULL.db(), FULL.fl(),
                FULL.b(), FULL.s(), FULL.d(), FULL.ts(), FULL.odt(), FULL.ld(), FULL.ldt(), FULL.u(), bytes,
                FULL.cat(), FULL.mood()));
        assertEquals(asStored(FULL), stored(FULL.id()));
        assertArrayEquals(bytes, storedBytes(FULL.id()));
        // the offset is not stored, the instant is
        assertEquals(FULL.odt().toInstant(), stored(FULL.id()).odt().toInstant());
    }

    @Test
    void nullScalarsBindSqlNull() {
        assertEquals(1, repo.insertReferences(101, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null));
        assertEquals(new Val(101, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null), stored(101));
        assertNull(storedBytes(101));
        assertEquals(1, testDb.queryLong("SELECT count(*) FROM val WHERE id = 101 AND num_nulls(i, l, sh, db, fl, "
                + "b, s, d, ts, odt, ld, ldt, u, bytes, cat, mood) = 16"));
    }

    // records

    @Test
    void recordComponentsBindByName() {
        Val v = new Val(102, 42, 42L, (short) 42, 4.2, 4.5f, true, "record", new BigDecimal("4.20"),
                Instant.parse("2001-02-03T04:05:06Z"), OffsetDateTime.parse("2001-02-03T04:05:06-05:00"),
                LocalDate.parse("2001-02-03"), LocalDateTime.parse("2001-02-03T04:05:06"),
                UUID.fromString("00000000-0000-0000-0000-000000000102"), Category.TOOLS, Mood.HAPPY);
        assertEquals(1, repo.insertRecord(v));
        assertEquals(asStored(v), stored(102));
    }

    @Test
    void recordWithNullComponentsBindsSqlNull() {
        Val v = new Val(103, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(1, repo.insertRecord(v));
        assertEquals(v, stored(103));
    }

    @Test
    void bindNamesARecordParameter() {
        repo.insertPrimitives(104, 0, 0, (short) 0, 0, 0, false);
        Val change = new Val(104, null, null, null, null, null, null, "renamed", null, null, null, null, null, null,
                null, null);
        assertEquals(1, repo.updateS(change));
        assertEquals("renamed", stored(104).s());
    }

    @Test
    void bindNamesAScalarParameter() {
        repo.insertReferences(105, null, null, null, null, null, null, "by key", null, null, null, null, null, null,
                null, null, null);
        assertEquals("by key", repo.sByKey(105));
    }

    @Test
    void aNameUsedTwiceBindsTheSameValueTwice() {
        assertEquals("a/a", repo.twice("a"));
    }

    @Test
    void nullRecordIsRejectedBeforeAnySql() {
        long before = testDb.queryLong("SELECT count(*) FROM val");
        NullPointerException e = assertThrows(NullPointerException.class, () -> repo.insertRecord(null));
        assertEquals("ParameterTypes.insertRecord: parameter 'v' is null; pass an empty collection or a value "
                + "(only scalar parameters bind as SQL NULL)", e.getMessage());
        NullPointerException bound = assertThrows(NullPointerException.class, () -> repo.updateS(null));
        assertEquals("ParameterTypes.updateS: parameter 'value' is null; pass an empty collection or a value "
                + "(only scalar parameters bind as SQL NULL)", bound.getMessage());
        assertEquals(before, testDb.queryLong("SELECT count(*) FROM val"));
    }

    // collections and arrays

    @Test
    void listSetAndCollectionBindAsArrays() {
        List<Integer> expected = idsWhere(e -> e.id() == 2 || e.id() == 4);
        assertEquals(List.of(2, 4), expected);
        assertEquals(expected, repo.idsInList(List.of(4, 2, 99)));
        assertEquals(expected, repo.idsInSet(new LinkedHashSet<>(List.of(4, 2))));
        assertEquals(expected, repo.idsInCollection(Arrays.asList(2, 4, 4)));
        assertEquals(expected, repo.idsInIntArray(new int[] {4, 2}));
    }

    @Test
    void primitiveAndObjectArraysBind() {
        assertEquals(idsWhere(e -> e.big() == 10 || e.big() == 50), repo.idsByBig(new long[] {50, 10}));
        assertEquals(idsWhere(e -> e.big() == 30), repo.idsByBigVarargs(30));
        assertEquals(idsWhere(e -> e.big() >= 30), repo.idsByBigVarargs(30, 40, 50));
        assertEquals(idsWhere(e -> e.label().equals("two") || e.label().equals("five")),
                repo.idsByLabel(new String[] {"five", "two", "none"}));
    }

    @Test
    void uuidDateAndEnumListsBind() {
        UUID first = ENTRIES.get(0).token();
        UUID third = ENTRIES.get(2).token();
        assertEquals(idsWhere(e -> e.token().equals(first) || e.token().equals(third)),
                repo.idsByToken(List.of(third, first, UUID.randomUUID())));
        assertEquals(idsWhere(e -> e.day().isAfter(LocalDate.parse("2024-01-03"))),
                repo.idsByDay(List.of(LocalDate.parse("2024-01-04"), LocalDate.parse("2024-01-05"))));
        assertEquals(idsWhere(e -> e.cat() != Category.GARDEN), repo.idsByCategory(List.of(Category.TOOLS,
                Category.BOOKS)));
    }

    @Test
    void enumListBindsAgainstAPostgresEnumColumn() {
        assertEquals(idsWhere(e -> e.mood() == Mood.SAD), repo.idsByMood(List.of(Mood.SAD)));
    }

    @Test
    void inListIsRewrittenToAnArray() {
        assertEquals(idsWhere(e -> e.id() == 1 || e.id() == 5), repo.idsIn(List.of(5, 1)));
        assertEquals(idsWhere(e -> e.id() != 1 && e.id() != 5), repo.idsNotIn(List.of(5, 1)));
        assertEquals(List.of(3), repo.idsInScalar(3));
    }

    @Test
    void emptyCollectionsMatchNothing() {
        assertEquals(List.of(), repo.idsInList(List.of()));
        assertEquals(List.of(), repo.idsInSet(Set.of()));
        assertEquals(List.of(), repo.idsInIntArray(new int[0]));
        assertEquals(List.of(), repo.idsByBigVarargs());
        assertEquals(List.of(), repo.idsByLabel(new String[0]));
        assertEquals(List.of(), repo.idsIn(List.of()));
        // NOT IN an empty list excludes nothing
        assertEquals(idsWhere(e -> true), repo.idsNotIn(List.of()));
    }

    @Test
    void arraysOfEveryElementTypeRoundTrip() {
        assertEquals(List.of(3, Integer.MIN_VALUE), repo.unnestInts(List.of(3, Integer.MIN_VALUE)));
        assertEquals(List.of(Long.MAX_VALUE, -1L), repo.unnestLongs(new Long[] {Long.MAX_VALUE, -1L}));
        assertEquals(List.of((short) -2, Short.MAX_VALUE), repo.unnestShorts(List.of((short) -2, Short.MAX_VALUE)));
        assertEquals(List.of(0.5, -1e300), repo.unnestDoubles(List.of(0.5, -1e300)));
        assertEquals(List.of(0.25f, 3f), repo.unnestFloats(List.of(0.25f, 3f)));
        assertEquals(List.of(true, false), repo.unnestBooleans(List.of(true, false)));
        List<String> strings = Arrays.asList("plain", "with,comma", "with \"quotes\"", "back\\slash", "{braces}",
                "", "NULL", " spaced ");
        assertEquals(strings, repo.unnestStrings(strings));
        List<BigDecimal> decimals = List.of(new BigDecimal("0.10"), new BigDecimal("-12345678901234567890.5"));
        assertEquals(decimals, repo.unnestDecimals(decimals));
        List<Instant> instants = List.of(Instant.parse("2024-02-29T23:59:59.999999Z"),
                Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("1900-06-01T12:00:00.5Z"));
        assertEquals(instants, repo.unnestInstants(instants));
        List<OffsetDateTime> offsets = List.of(OffsetDateTime.parse("2024-05-06T07:08:09.123456+02:00"));
        assertEquals(List.of(offsets.get(0).toInstant()),
                repo.unnestOffsetDateTimes(offsets).stream().map(OffsetDateTime::toInstant).toList());
        List<LocalDate> dates = List.of(LocalDate.parse("1969-07-20"), LocalDate.parse("2038-01-19"));
        assertEquals(dates, repo.unnestDates(dates));
        List<LocalDateTime> dateTimes = List.of(LocalDateTime.parse("2038-01-19T03:14:08.000001"),
                LocalDateTime.parse("2000-01-01T00:00"));
        assertEquals(dateTimes, repo.unnestDateTimes(dateTimes));
        UUID[] uuids = {ENTRIES.get(0).token(), ENTRIES.get(4).token()};
        assertEquals(List.of(uuids), repo.unnestUuids(uuids));
        assertEquals(List.of(Category.BOOKS, Category.TOOLS), repo.unnestCategories(List.of(Category.BOOKS,
                Category.TOOLS)));
        // a collection parameter carries no NULL element (ValuesIntegrityTest); a record's list component may
        assertThrows(DataException.class, () -> repo.unnestStrings(Arrays.asList("a", null)));
    }

    @Test
    void collectionBindsIntoAnArrayColumn() throws SQLException {
        assertEquals(1, repo.tag(1, List.of("b", "a", "b")));
        List<List<Object>> stored = Jdbc.query(testDb, "SELECT labels FROM tagged WHERE id = 1", rs -> {
            Array array = rs.getArray(1);
            return Arrays.asList((Object[]) array.getArray());
        });
        assertEquals(List.of(List.of("b", "a", "b")), stored);
    }

    @Test
    void nullCollectionIsRejectedBeforeAnySql() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> repo.tag(2, null));
        assertEquals("ParameterTypes.tag: parameter 'labels' is null; pass an empty collection or a value "
                + "(only scalar parameters bind as SQL NULL)", e.getMessage());
        // had the INSERT run, it would have stored a row with NULL labels
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM tagged WHERE id = 2"));
        assertThrows(NullPointerException.class, () -> repo.idsInList(null));
        assertThrows(NullPointerException.class, () -> repo.idsByBig(null));
        assertThrows(NullPointerException.class, () -> repo.idsByLabel(null));
    }
}
