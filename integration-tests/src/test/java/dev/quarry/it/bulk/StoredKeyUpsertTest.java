package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.SqlCapture;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keys that differ in Java but are one key once stored: the upsert writes one row, the last one
 * given, where PostgreSQL would otherwise see the key twice in one statement (SQLSTATE 21000).
 */
@PostgresTest
class StoredKeyUpsertTest {
    private static TestDatabase testDb;
    private static Database db;
    private static StoredKeyRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(StoredKey.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(StoredKeyRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE stamp_keys, stamp3_keys, price_keys, score_keys, code_keys, short_keys, name_keys,"
                + " blind_keys, pair_keys");
    }

    /** Every row of {@code table}, its columns joined by '/', in key order. */
    private static List<String> rows(String table, String key) {
        return BulkJdbc.query(testDb, "SELECT " + key + "::text || '/' || label FROM " + table + " ORDER BY 1",
                rs -> rs.getString(1));
    }

    @Test
    void instantsInOneMicrosecond() {
        Instant first = Instant.parse("2024-05-01T10:00:00.000001100Z");
        Instant last = Instant.parse("2024-05-01T10:00:00.000001400Z");
        assertEquals(1, repo.stamps(List.of(new StoredKey.Stamp(first, "first"), new StoredKey.Stamp(last, "last"))));
        assertEquals(List.of("2024-05-01 10:00:00.000001+00/last"),
                rows("stamp_keys", "(at AT TIME ZONE 'UTC')::text || '+00'"));
    }

    @Test
    void instantsInOneMillisecondOfATimestamptz3() {
        Instant first = Instant.parse("2024-05-01T10:00:00.0011Z");
        Instant last = Instant.parse("2024-05-01T10:00:00.0014Z");
        assertEquals(1, repo.stamps3(List.of(new StoredKey.Stamp3(first, "first"), new StoredKey.Stamp3(last, "last"))));
        assertEquals(List.of("2024-05-01 10:00:00.001/last"), rows("stamp3_keys", "(at AT TIME ZONE 'UTC')"));
    }

    @Test
    void numericsRoundedToOneValueKeepTheLastGivenNotTheLargest() {
        // Java orders 1.001 before 1.004; the last given is 1.001 all the same
        assertEquals(1, repo.prices(List.of(new StoredKey.Price(new BigDecimal("1.004"), "first"),
                new StoredKey.Price(new BigDecimal("1.001"), "last"))));
        assertEquals(List.of("1.00/last"), rows("price_keys", "price"));

        assertEquals(1, repo.prices(List.of(new StoredKey.Price(new BigDecimal("0.995"), "again"),
                new StoredKey.Price(new BigDecimal("1.001"), "update"))));
        assertEquals(List.of("1.00/update"), rows("price_keys", "price"));
    }

    @Test
    void numericsRoundedToOneValueInAStream() {
        assertEquals(2, repo.priceStream(List.of(new StoredKey.Price(new BigDecimal("2.004"), "first"),
                new StoredKey.Price(new BigDecimal("1"), "one"), new StoredKey.Price(new BigDecimal("2.001"), "last"))
                .stream()));
        assertEquals(List.of("1.00/one", "2.00/last"), rows("price_keys", "price"));
    }

    @Test
    void returningGivesOneRowPerKeyInKeyOrder() {
        List<StoredKey.Written> written = repo.pricesReturning(List.of(new StoredKey.Price(new BigDecimal("2"), "b"),
                new StoredKey.Price(new BigDecimal("1.004"), "x"), new StoredKey.Price(new BigDecimal("3"), "c"),
                new StoredKey.Price(new BigDecimal("1.001"), "y")));
        assertEquals(List.of(new StoredKey.Written(new BigDecimal("1.00"), "y"),
                new StoredKey.Written(new BigDecimal("2.00"), "b"), new StoredKey.Written(new BigDecimal("3.00"), "c")),
                written);
    }

    @Test
    void positiveAndNegativeZero() {
        assertEquals(1, repo.scores(List.of(new StoredKey.Score(0.0, "first"), new StoredKey.Score(-0.0, "last"))));
        assertEquals(List.of("last"), BulkJdbc.query(testDb, "SELECT label FROM score_keys WHERE score = 0",
                rs -> rs.getString(1)));
        assertEquals(1L, testDb.queryLong("SELECT count(*) FROM score_keys"));
    }

    @Test
    void charPaddedWithSpaces() {
        assertEquals(1, repo.codes(List.of(new StoredKey.Code("ab", "first"), new StoredKey.Code("ab ", "last"))));
        assertEquals(List.of("ab/last"), rows("code_keys", "code"));
    }

    @Test
    void aKeyTooLongIsStillRefusedNotCutShort() {
        // comparing keys must not shorten them: storing "abcdef" in a char(5) is an error, and stays one
        DataException e = assertThrows(DataException.class, () -> repo.codes(List.of(
                new StoredKey.Code("abcde", "fits"), new StoredKey.Code("abcdef", "too long"))));
        assertEquals("22001", e.sqlState(), e::getMessage);
        DataException varchar = assertThrows(DataException.class, () -> repo.shortCodes(List.of(
                new StoredKey.Short("abc", "fits"), new StoredKey.Short("abcd", "too long"))));
        assertEquals("22001", varchar.sqlState(), varchar::getMessage);
        assertEquals(0L, testDb.queryLong("SELECT count(*) FROM code_keys") + testDb.queryLong(
                "SELECT count(*) FROM short_keys"));
    }

    @Test
    void citextIgnoresCase() {
        assertEquals(1, repo.names(List.of(new StoredKey.Name("Ann", "first"), new StoredKey.Name("aNN", "last"))));
        assertEquals(List.of("aNN/last"), rows("name_keys", "name"));
    }

    @Test
    void caseInsensitiveCollation() {
        assertEquals(1, repo.blindNames(List.of(new StoredKey.Blind("Ann", "first"), new StoredKey.Blind("ANN", "last"))));
        assertEquals(List.of("ANN/last"), rows("blind_keys", "name"));
    }

    @Test
    void rowsWithANullKeyComponentAreNeverMerged() {
        assertEquals(5, repo.pairs(List.of(new StoredKey.Pair(1, new BigDecimal("1.001"), "a"),
                new StoredKey.Pair(null, new BigDecimal("1"), "n1"), new StoredKey.Pair(1, new BigDecimal("1.004"), "b"),
                new StoredKey.Pair(null, new BigDecimal("1"), "n2"), new StoredKey.Pair(2, null, "m1"),
                new StoredKey.Pair(2, null, "m2"))));
        assertEquals(List.of("1/1.00/b", "2/-/m1", "2/-/m2", "-/1.00/n1", "-/1.00/n2"), BulkJdbc.query(testDb,
                "SELECT coalesce(shop::text, '-') || '/' || coalesce(price::text, '-') || '/' || label FROM pair_keys"
                        + " ORDER BY shop NULLS LAST, label", rs -> rs.getString(1)));
    }

    @Test
    void aKeyGivenTwiceAcrossCallsUpdates() {
        repo.prices(List.of(new StoredKey.Price(new BigDecimal("5.00"), "old")));
        assertEquals(1, repo.prices(List.of(new StoredKey.Price(new BigDecimal("5.004"), "new"))));
        assertEquals(List.of("5.00/new"), rows("price_keys", "price"));
    }

    @Test
    void theStatementComparesKeysAsTheColumnTypesDo() {
        try (SqlCapture sql = new SqlCapture()) {
            repo.pairs(List.of(new StoredKey.Pair(1, BigDecimal.ONE, "a")));
            repo.codes(List.of(new StoredKey.Code("ab", "a")));
            repo.shortCodes(List.of(new StoredKey.Short("ab", "a")));
            repo.names(List.of(new StoredKey.Name("ab", "a")));
            repo.blindNames(List.of(new StoredKey.Blind("ab", "a")));
            repo.scores(List.of(new StoredKey.Score(1, "a")));
            assertStatement(sql, "pairs", "INSERT INTO pair_keys (shop, price, label) SELECT DISTINCT ON (u.shop,"
                    + " u.price::numeric(10,2), CASE WHEN u.shop IS NULL OR u.price IS NULL THEN u._ord END)"
                    + " u.shop, u.price, u.label FROM unnest(?::int4[], ?::numeric[], ?::text[])"
                    + " WITH ORDINALITY AS u(shop, price, label, _ord) ORDER BY u.shop, u.price::numeric(10,2),"
                    + " CASE WHEN u.shop IS NULL OR u.price IS NULL THEN u._ord END, u._ord DESC"
                    + " ON CONFLICT (shop, price) DO UPDATE SET label = EXCLUDED.label");
            // char(n) without its length, which an explicit cast would cut values to
            assertStatement(sql, "codes", "SELECT DISTINCT ON (u.code::bpchar, CASE WHEN u.code IS NULL THEN u._ord END) ");
            // text and varchar compare alike: nothing to cast
            assertStatement(sql, "shortCodes", "SELECT DISTINCT ON (u.code, CASE ");
            assertStatement(sql, "names", "SELECT DISTINCT ON (u.name::citext, CASE ");
            assertStatement(sql, "blindNames", "SELECT DISTINCT ON (u.name COLLATE public.case_blind, CASE ");
            // a primitive key is never NULL
            assertStatement(sql, "scores", "SELECT DISTINCT ON (u.score) ");
        }
    }

    private static void assertStatement(SqlCapture sql, String method, String part) {
        List<String> statements = sql.statements("StoredKeyRepository." + method);
        assertEquals(1, statements.size(), statements::toString);
        assertTrue(statements.get(0).contains(part), statements::toString);
    }
}
