package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.SqlCapture;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Components whose Java type is not exactly the column's type. */
@PostgresTest
class ColumnTypesTest {
    private static TestDatabase testDb;
    private static Database db;
    private static NarrowRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Narrow.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(NarrowRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE wide, moods, seen_moods");
    }

    private static List<Narrow> rows(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new Narrow(n, n * 2, "n" + n, n % 2 == 0 ? Kinds.Mood.CALM : Kinds.Mood.TENSE)).toList();
    }

    @Test
    void copyRefusesMismatchedTypesBeforeSendingARow() {
        DataException e = assertThrows(DataException.class, () -> repo.copy(rows(10)));
        assertEquals("NarrowRepository.copy: COPY's binary format needs each component's Java type to match its column: "
                + "\"id\" is int8 but its component is written as int4, \"qty\" is int8 but its component is written as int4; "
                + "change the component's type or use InsertStrategy.UNNEST", e.getMessage());
        assertEquals("NarrowRepository.copy", e.method());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM wide"));
    }

    @Test
    void autoWritesMismatchedTypesWithUnnestAtAnySize() {
        // 5 000 rows would go through COPY; the int components make AUTO let UNNEST cast them instead
        try (SqlCapture sql = new SqlCapture()) {
            assertEquals(5_000, repo.auto(rows(5_000)));
            List<String> statements = sql.statements("NarrowRepository.auto");
            assertTrue(!statements.isEmpty() && statements.stream().allMatch(s -> s.contains("unnest(")),
                    statements::toString);
        }
        assertEquals(List.of("5000", "25005000", "2500"), BulkJdbc.row(testDb,
                "SELECT count(*), sum(qty), count(*) FILTER (WHERE mood = 'CALM') FROM wide"));
    }

    @Test
    void batchCastsNarrowTypes() {
        assertEquals(3, repo.batch(rows(3)));
        assertEquals(List.of("3", "12", "TENSE,CALM,TENSE"), BulkJdbc.row(testDb,
                "SELECT count(*), sum(qty), string_agg(mood::text, ',' ORDER BY id) FROM wide"));
    }

    @Test
    void aPostgresEnumColumnTakesCopyAndBatch() {
        List<Narrow.MoodRow> moods = List.of(new Narrow.MoodRow(1, Kinds.Mood.TENSE), new Narrow.MoodRow(2, Kinds.Mood.CALM));
        assertEquals(2, repo.copyMoods(moods));
        assertEquals(2, repo.batchMoods(List.of(new Narrow.MoodRow(3, Kinds.Mood.CALM), new Narrow.MoodRow(4, Kinds.Mood.TENSE))));
        assertEquals(List.of("TENSE,CALM,CALM,TENSE"),
                BulkJdbc.row(testDb, "SELECT string_agg(mood::text, ',' ORDER BY id) FROM moods"));
    }

    @Test
    void unnestAndUpsertCastTextArraysToAPostgresEnumColumn() {
        try (SqlCapture sql = new SqlCapture()) {
            assertEquals(2, repo.unnestMoods(List.of(new Narrow.MoodRow(1, Kinds.Mood.CALM),
                    new Narrow.MoodRow(2, Kinds.Mood.TENSE))));
            assertTrue(sql.statements("NarrowRepository.unnestMoods").get(0)
                    .contains("unnest(?::int8[], ?::text[]::mood[])"), sql.statements("NarrowRepository.unnestMoods")::toString);
        }
        // a small list: AUTO writes it with UNNEST
        assertEquals(1, repo.autoMoods(List.of(new Narrow.MoodRow(3, Kinds.Mood.TENSE))));
        // 2 changes its mood, 4 is new
        assertEquals(2, repo.upsertMoods(List.of(new Narrow.MoodRow(2, Kinds.Mood.CALM),
                new Narrow.MoodRow(4, Kinds.Mood.TENSE))));
        assertEquals(List.of(new Narrow.MoodRow(1, Kinds.Mood.TENSE), new Narrow.MoodRow(5, Kinds.Mood.CALM)),
                repo.upsertMoodsReturning(List.of(new Narrow.MoodRow(5, Kinds.Mood.CALM),
                        new Narrow.MoodRow(1, Kinds.Mood.TENSE))));
        assertEquals(List.of("1:TENSE,2:CALM,3:TENSE,4:TENSE,5:CALM"), BulkJdbc.row(testDb,
                "SELECT string_agg(id || ':' || mood, ',' ORDER BY id) FROM moods"));
    }

    @Test
    void aTouchedColumnIsNotSentAndTheEnumAfterItKeepsItsCast() {
        Instant epoch = Instant.EPOCH;
        try (SqlCapture sql = new SqlCapture()) {
            assertEquals(2, repo.upsertSeenMoods(List.of(new Narrow.SeenMood(1, epoch, Kinds.Mood.CALM),
                    new Narrow.SeenMood(2, epoch, Kinds.Mood.TENSE))));
            List<String> statements = sql.statements("NarrowRepository.upsertSeenMoods");
            assertEquals(1, statements.size(), statements::toString);
            // two arrays bound, none for seen_at
            assertTrue(statements.get(0).startsWith("NarrowRepository.upsertSeenMoods [2 binds, 2 rows, "),
                    statements::toString);
            assertTrue(statements.get(0).endsWith("] INSERT INTO seen_moods (id, seen_at, mood) SELECT DISTINCT ON (u.id)"
                    + " u.id, now(), u.mood FROM unnest(?::int8[], ?::text[]::mood[]) WITH ORDINALITY AS u(id, mood, _ord)"
                    + " ORDER BY u.id, u._ord DESC ON CONFLICT (id) DO UPDATE SET mood = EXCLUDED.mood, seen_at = now()"), statements::toString);
        }
        // 2 changes its mood, 3 is new; none takes the record's seenAt
        assertEquals(2, repo.upsertSeenMoods(List.of(new Narrow.SeenMood(2, epoch, Kinds.Mood.CALM),
                new Narrow.SeenMood(3, epoch, Kinds.Mood.TENSE))));
        assertEquals(List.of("1:CALM:true,2:CALM:true,3:TENSE:true"), BulkJdbc.row(testDb,
                "SELECT string_agg(id || ':' || mood || ':' || (seen_at > now() - interval '1 minute'), ','"
                        + " ORDER BY id) FROM seen_moods"));
    }

    @Test
    void anUnknownLabelFailsTheCallAndWritesNothing() {
        testDb.execute("ALTER TYPE mood RENAME VALUE 'TENSE' TO 'EDGY'");
        try {
            DataException e = assertThrows(DataException.class, () -> repo.unnestMoods(
                    List.of(new Narrow.MoodRow(1, Kinds.Mood.CALM), new Narrow.MoodRow(2, Kinds.Mood.TENSE))));
            assertEquals("22P02", e.sqlState());
            assertTrue(e.getMessage().startsWith("NarrowRepository.unnestMoods: "), e.getMessage());
            assertTrue(e.getMessage().contains("invalid input value for enum mood: \"TENSE\""), e.getMessage());
            assertTrue(e.getMessage().contains("\n  Column: \"mood\" (mood)"), e.getMessage());
            assertEquals(0, testDb.queryLong("SELECT count(*) FROM moods"));
        } finally {
            testDb.execute("ALTER TYPE mood RENAME VALUE 'EDGY' TO 'TENSE'");
        }
    }
}
