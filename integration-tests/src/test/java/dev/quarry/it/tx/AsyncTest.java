package dev.quarry.it.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code CompletableFuture} methods: many at once, cancellation reaching the server, argument checks. */
@PostgresTest
class AsyncTest {
    private static TestDatabase testDb;
    private static Database db;
    private static Background background;
    /** A session of its own that watches the pool's statements in pg_stat_activity. */
    private static Connection observer;

    @BeforeAll
    static void setUp(TestDatabase database) throws SQLException {
        testDb = database;
        database.execute(TxSchema.DDL);
        db = TxSchema.open(database);
        background = db.repository(Background.class);
        observer = database.dataSource().getConnection();
    }

    @AfterAll
    static void tearDown() throws SQLException {
        observer.close();
        db.close();
    }

    @AfterEach
    void everyConnectionReturned() {
        TxSchema.await(Duration.ofSeconds(5), () -> TxSchema.active(db.dataSource()) == 0,
                () -> TxSchema.active(db.dataSource()) + " connections still borrowed");
    }

    /** Statements of this database running {@code pg_sleep} that were cast to {@code label}. */
    private static int sleeping(String label) {
        try (PreparedStatement select = observer.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND state = 'active' AND query LIKE ? AND pid <> pg_backend_pid()")) {
            select.setString(1, "SELECT pg_sleep(30)::text AS " + label);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoHundredConcurrentFuturesCompleteWithTheirOwnResults() {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            futures.add(background.square(n));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture<?>[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
        for (int n = 0; n < 200; n++) {
            assertEquals(n * n, futures.get(n).join());
        }
        assertEquals(0, TxSchema.active(db.dataSource()), "every call gave its connection back");
    }

    @Test
    void writesFromFuturesAreCommitted() {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int id = 1000; id < 1050; id++) {
            futures.add(background.insert(id, "async"));
        }
        futures.forEach(f -> assertEquals(1, f.orTimeout(30, TimeUnit.SECONDS).join()));
        assertEquals(50, testDb.queryLong("SELECT count(*) FROM entry WHERE id BETWEEN 1000 AND 1049"));
    }

    @Test
    void cancellingAFutureStopsItsStatementOnTheServer() {
        cancelStops(background::sleep, "plain");
    }

    @Test
    void cancellingATransactionalFutureStopsItsStatementOnTheServer() {
        cancelStops(background::sleepInTransaction, "transactional");
    }

    private void cancelStops(Supplier<CompletableFuture<String>> call, String label) {
        CompletableFuture<String> future = call.get();
        TxSchema.await(Duration.ofSeconds(10), () -> sleeping(label) == 1, () -> "pg_sleep never started");
        long start = System.nanoTime();
        assertTrue(future.cancel(true));
        TxSchema.await(Duration.ofSeconds(1), () -> sleeping(label) == 0, () -> "pg_sleep still running");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "took " + took);
        assertTrue(future.isCancelled());
        assertThrows(CancellationException.class, future::join);
        TxSchema.await(Duration.ofSeconds(5), () -> TxSchema.active(db.dataSource()) == 0,
                () -> "the cancelled call kept its connection");
        // the pool's connections still work
        assertEquals(49, background.square(7).join());
    }

    @Test
    void aFutureCancelledWhileWaitingForAConnectionRunsNothing() throws Exception {
        try (Database single = TxSchema.builder(testDb).maximumPoolSize(1).build()) {
            HikariPoolMXBean pool = single.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean();
            CompletableFuture<String> future;
            try (Connection held = single.dataSource().getConnection()) {
                future = single.repository(Background.class).sleep();
                TxSchema.await(Duration.ofSeconds(10), () -> pool.getThreadsAwaitingConnection() == 1,
                        () -> "the call never asked for a connection");
                assertTrue(future.cancel(true));
            }
            // the call gets the connection only now, after its cancel: it must not start the statement
            TxSchema.await(Duration.ofSeconds(5), () -> pool.getActiveConnections() == 0
                            && pool.getThreadsAwaitingConnection() == 0,
                    () -> "the cancelled call kept or still waits for the connection");
            Thread.sleep(300);
            assertEquals(0, sleeping("plain"), "the cancelled call ran its statement");
            assertEquals(49, single.repository(Background.class).square(7).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aNullCollectionIsRejectedOnTheCallersThreadBeforeAnySql() {
        String expected = "Background.countOf: parameter 'ids' is null; pass an empty collection or a value (only "
                + "scalar parameters bind as SQL NULL)";
        // thrown by the call itself, not through the future
        NullPointerException e = assertThrows(NullPointerException.class, () -> background.countOf(null));
        assertEquals(expected, e.getMessage());
        e = assertThrows(NullPointerException.class, () -> background.countOfInTransaction(null));
        assertEquals(expected.replace("countOf", "countOfInTransaction"), e.getMessage());
        assertEquals(0L, background.countOf(List.of()).join());
    }

    @Test
    void aFutureRunsOnAnotherThreadOutsideTheCallersTransaction() {
        testDb.execute("INSERT INTO entry VALUES (2000, 'committed')");
        long seen = db.transaction(() -> {
            db.repository(Ledger.class).insert(2001, "not committed yet");
            // the future's call borrows a connection of its own, so it cannot see the uncommitted row
            return background.countOf(List.of(2000, 2001)).get(10, TimeUnit.SECONDS);
        });
        assertEquals(1L, seen);
        assertNotEquals(0, testDb.queryLong("SELECT count(*) FROM entry WHERE id = 2001"));
    }
}
