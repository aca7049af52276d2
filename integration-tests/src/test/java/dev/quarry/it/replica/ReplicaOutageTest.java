package dev.quarry.it.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresServer;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.Standby;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replica goes away while the primary stays: reads routed to the replica fail, naming their
 * method, within the pool's connection timeout; they do not quietly move to the primary, where they
 * would hide the outage and could overload it. Everything else carries on on the primary.
 */
@PostgresTest
class ReplicaOutageTest {
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    private static Standby standby;
    private static Database db;
    private static Replicated repo;
    private static ExecutorService caller;

    @BeforeAll
    static void setUp(TestDatabase database) {
        assumeTrue(PostgresServer.shared().isEmbedded(), "a standby needs the embedded server, not QUARRY_TEST_URL's");
        database.execute(Replicated.DDL);
        standby = PostgresServer.shared().standby();
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).connectionTimeout(CONNECTION_TIMEOUT)
                .replica(standby.jdbcUrl(database.name()), standby.user(), standby.password())
                .build();
        repo = db.repository(Replicated.class);
        caller = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void tearDown() {
        if (caller != null) {
            caller.shutdownNow();
        }
        if (db != null) {
            db.close();
        }
        if (standby != null) {
            standby.close();
        }
    }

    @Test
    void readsRoutedToAStoppedReplicaFailFastNamingTheMethodWhileThePrimaryServes(TestDatabase database)
            throws Exception {
        assertTrue(repo.onStandbyReadOnly());
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> repo.sleepReadOnly(60), caller);
        DataSource onStandby = standby.dataSource(database.name());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (sleeping(onStandby) == 0) {
                Thread.sleep(5);
            }
        });
        standby.stop();

        ExecutionException stopped = assertThrows(ExecutionException.class, () -> inFlight.get(10, TimeUnit.SECONDS));
        DataException e = assertInstanceOf(DataException.class, stopped.getCause());
        assertTrue(e.getMessage().startsWith("Replicated.sleepReadOnly: "), e.getMessage());
        assertEquals("57P01", e.sqlState(), e.getMessage());

        // the pool may still hold a session the shutdown ended: that read fails with the server's 57P01
        DataException first = assertFailsWithinTheTimeout(() -> repo.countReadOnly(1));
        assertTrue(first.getMessage().startsWith("Replicated.countReadOnly: "), first.getMessage());

        String refused = "Connection to localhost:" + standby.port() + " refused";
        DataException read = assertFailsWithinTheTimeout(() -> repo.countReadOnly(1));
        assertTrue(read.getMessage().startsWith("Replicated.countReadOnly: quarry-replica - "), read.getMessage());
        assertTrue(read.getMessage().contains(refused), read.getMessage());
        DataException streamed = assertFailsWithinTheTimeout(() -> {
            try (Stream<Replicated.Item> items = repo.items()) {
                return items.count();
            }
        });
        assertTrue(streamed.getMessage().startsWith("Replicated.items: quarry-replica - "), streamed.getMessage());
        assertTrue(streamed.getMessage().contains(refused), streamed.getMessage());

        // the primary is untouched: plain calls and read-write transactions carry on
        assertEquals(1, repo.add(1, "primary"));
        assertFalse(repo.onStandby());
        assertEquals(1, db.transaction(() -> repo.countReadOnly(1)));
        assertEquals(0, Pools.active(db.dataSource()));
        assertEquals(0, Pools.active(db.replicaDataSource().orElseThrow()));
    }

    private static DataException assertFailsWithinTheTimeout(java.util.concurrent.Callable<?> read) {
        long start = System.nanoTime();
        DataException e = assertThrows(DataException.class, read::call);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(waited.compareTo(CONNECTION_TIMEOUT.plusSeconds(2)) < 0, "waited " + waited + ": " + e.getMessage());
        return e;
    }

    private static long sleeping(DataSource standby) throws SQLException {
        try (Connection connection = standby.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
