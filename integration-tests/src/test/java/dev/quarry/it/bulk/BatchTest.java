package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.SqlCapture;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Batch}: one statement per element, in JDBC batches, one transaction for the call. */
@PostgresTest
class BatchTest {
    private static TestDatabase testDb;
    private static Database db;
    private static StockRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Stock.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(StockRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE stock");
    }

    private static Stream<Stock> stock(int count) {
        // ten groups; row n has quantity n
        return IntStream.rangeClosed(1, count).mapToObj(n -> new Stock(n, n % 10, n));
    }

    @Test
    void totalsAddUpAcrossBatches() {
        try (SqlCapture sql = new SqlCapture()) {
            assertEquals(100, repo.insert(stock(100)));
            // 100 statements in JDBC batches of 3: 34 round trips
            assertEquals(34, sql.statements("StockRepository.insert").size());
        }
        // groups 1, 2 and 3 have ten rows each; group 42 has none
        assertEquals(30, repo.adjust(List.of(new Stock.Adjustment(1, 5), new Stock.Adjustment(2, -5),
                new Stock.Adjustment(42, 1), new Stock.Adjustment(3, 0))));
        assertEquals(List.of("100", "5050", "50"), BulkJdbc.row(testDb,
                "SELECT count(*), sum(qty), sum(qty) FILTER (WHERE grp = 1) - sum(id) FILTER (WHERE grp = 1) + 0 FROM stock"));
    }

    @Test
    void withReWriteBatchedInsertsACountIsRealOrTheCallFails() {
        String url = testDb.url() + (testDb.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (Database rewriting = Database.builder().url(url).user(testDb.user()).password(testDb.password())
                .maximumPoolSize(1).build()) {
            StockRepository rewritten = rewriting.repository(StockRepository.class);
            // pgjdbc reports SUCCESS_NO_INFO for the INSERTs it rewrites: no count is known, so none is made up
            DataException e = assertThrows(DataException.class, () -> rewritten.insert(stock(10)));
            assertEquals("StockRepository.insert", e.method());
            assertTrue(e.getMessage().contains("did not report how many rows")
                    && e.getMessage().contains("reWriteBatchedInserts=true"), e.getMessage());
            assertEquals(0, testDb.queryLong("SELECT count(*) FROM stock"));
            // a method that returns nothing needs no count
            rewritten.insertAll(stock(10).toList());
            assertEquals(10, testDb.queryLong("SELECT count(*) FROM stock"));
            // an UPDATE is not rewritten, and its count is the driver's real one
            assertEquals(2, rewritten.adjust(List.of(new Stock.Adjustment(1, 1), new Stock.Adjustment(2, 1))));
        }
    }

    @Test
    void theParameterQualifiedFormBindsTheSameComponents() {
        repo.insert(stock(100));
        // deletes rows of group 1 with qty < 50 (1, 11, 21, 31, 41) and of group 2 with qty < 13 (2, 12)
        repo.deleteBelow(new LinkedHashSet<>(List.of(new Stock.Adjustment(1, 50), new Stock.Adjustment(2, 13),
                new Stock.Adjustment(3, 0))));
        assertEquals(93, testDb.queryLong("SELECT count(*) FROM stock"));
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM stock WHERE id IN (1, 11, 21, 31, 41, 2, 12)"));
    }

    @Test
    void aFailureInALaterBatchLeavesNoRow() {
        List<Stock> rows = stock(10).toList();
        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> repo.insert(Stream.concat(rows.stream(), Stream.of(new Stock(2, 0, 0)))));
        assertEquals("StockRepository.insert", e.method());
        assertEquals("23505", e.sqlState());
        assertTrue(e.getMessage().startsWith("StockRepository.insert: "), e.getMessage());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM stock"));
    }
}
