package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * pgjdbc's simple query mode writes parameters into the SQL text, and has no text for the binary
 * arrays UNNEST writes and upserts bind: such a connection is refused with a message naming the
 * setting, not left to fail with a syntax error.
 */
@PostgresTest
class SimpleQueryModeTest {
    private static TestDatabase testDb;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(StoredKey.DDL);
    }

    private static String simpleUrl() {
        return testDb.url() + (testDb.url().contains("?") ? "&" : "?") + "preferQueryMode=simple";
    }

    @Test
    void theBuilderRefusesAUrlInSimpleMode() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.builder().url(simpleUrl())
                .user(testDb.user()).password(testDb.password()).maximumPoolSize(1).build());
        assertTrue(e.getMessage().contains("preferQueryMode=simple"), e::getMessage);
        assertTrue(e.getMessage().contains("remove preferQueryMode=simple from the url"), e::getMessage);
    }

    @Test
    void aDataSourceInSimpleModeIsRefusedAtTheFirstUnnestWriteOrUpsert() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(simpleUrl());
        dataSource.setUser(testDb.user());
        dataSource.setPassword(testDb.password());
        try (Database db = Database.of(dataSource)) {
            StoredKeyRepository repo = db.repository(StoredKeyRepository.class);
            List<StoredKey.Price> prices = List.of(new StoredKey.Price(new BigDecimal("1.50"), "a"));

            DataException upsert = assertThrows(DataException.class, () -> repo.prices(prices));
            assertTrue(upsert.getMessage().startsWith("StoredKeyRepository.prices: "), upsert::getMessage);
            assertTrue(upsert.getMessage().contains("preferQueryMode=simple"), upsert::getMessage);
            DataException insert = assertThrows(DataException.class, () -> repo.insertPrices(prices));
            assertTrue(insert.getMessage().startsWith("StoredKeyRepository.insertPrices: "), insert::getMessage);
            assertTrue(insert.getMessage().contains("preferQueryMode=simple"), insert::getMessage);
            assertEquals(0L, testDb.queryLong("SELECT count(*) FROM price_keys"));

            // what needs no array parameter works as before
            assertEquals(1, repo.batchPrices(prices));
            assertEquals(1, repo.copyScores(List.of(new StoredKey.Score(2.5, "copied"))));
            assertEquals(1L, testDb.queryLong("SELECT count(*) FROM price_keys WHERE price = 1.50"));
            assertEquals(1L, testDb.queryLong("SELECT count(*) FROM score_keys WHERE label = 'copied'"));
        }
    }
}
