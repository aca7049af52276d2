package dev.quarry.it.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresServer;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.Standby;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replica routing against a real hot standby of the test server: where each kind of call runs, and what lag means. */
@PostgresTest
class StandbyRoutingTest {
    private static Standby standby;
    private static Database db;
    private static Replicated repo;
    private static TestDatabase primaryDb;

    @BeforeAll
    static void setUp(TestDatabase database) {
        assumeTrue(PostgresServer.shared().isEmbedded(), "a standby needs the embedded server, not QUARRY_TEST_URL's");
        primaryDb = database;
        database.execute(Replicated.DDL + "INSERT INTO item SELECT g, 'n' || g FROM generate_series(1, 25) g;");
        standby = PostgresServer.shared().standby();
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).connectionTimeout(Duration.ofSeconds(5))
                .replica(standby.jdbcUrl(database.name()), standby.user(), standby.password())
                .build();
        repo = db.repository(Replicated.class);
        standby.awaitCatchUp(Duration.ofSeconds(10));
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
        if (standby != null) {
            standby.close();
        }
    }

    @AfterEach
    void everyConnectionReturned() {
        assertEquals(0, Pools.active(db.dataSource()));
        assertEquals(0, Pools.active(db.replicaDataSource().orElseThrow()));
    }

    @Test
    void readOnlyTransactionsAndStreamsRunOnTheStandby() {
        assertTrue(repo.onStandbyReadOnly());
        try (Stream<Replicated.Item> items = repo.items()) {
            List<Replicated.Item> all = items.collect(Collectors.toList());
            assertTrue(all.size() >= 25, "rows: " + all.size());
            assertTrue(all.stream().allMatch(Replicated.Item::onStandby), "a stream outside a transaction ran on the primary");
        }
        assertFalse(repo.onStandby(), "a plain call ran on the standby");
    }

    @Test
    void theStandbySeesCommittedRowsOnceReplayed() {
        repo.add(100, "new");
        standby.awaitCatchUp(Duration.ofSeconds(10));
        assertEquals(1, repo.countReadOnly(100));
    }

    @Test
    void aReadBeforeReplayMissesTheCommitUnlessPinnedToThePrimary() {
        standby.pauseReplay();
        try {
            repo.add(200, "not replayed yet");
            assertEquals(0, repo.countReadOnly(200), "the standby replayed a commit while paused");
            // pinned: inside a read-write transaction the read-only method joins it, on the primary
            assertEquals(1, db.transaction(() -> repo.countReadOnly(200)));
            // and a method that is not read-only runs on the primary anyway
            assertEquals(1, repo.count(200));
        } finally {
            standby.resumeReplay();
        }
        standby.awaitCatchUp(Duration.ofSeconds(10));
        assertEquals(1, repo.countReadOnly(200));
    }

    @Test
    void aWriteRoutedToTheStandbyFailsNamingTheMethod() {
        DataException e = assertThrows(DataException.class, () -> repo.addReadOnly(300));
        assertEquals("25006", e.sqlState());
        assertTrue(e.getMessage().contains("Replicated.add"), e.getMessage());
        assertTrue(e.getMessage().contains("read-only transaction"), e.getMessage());
        assertEquals(0, primaryDb.queryLong("SELECT count(*) FROM item WHERE id = 300"));
    }
}
