package dev.quarry.it.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.runtime.PoolTimeoutException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A pool of one connection, held by a stream or a transaction: every other call times out saying why. */
@PostgresTest
class PoolTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private static Database db;
    private static Entries entries;
    private ExecutorService holder;

    @BeforeAll
    static void setUp(TestDatabase database) {
        database.execute(TxSchema.DDL + "INSERT INTO entry VALUES (1, 'one'), (2, 'two');");
        db = TxSchema.builder(database).maximumPoolSize(1).connectionTimeout(TIMEOUT).build();
        entries = db.repository(Entries.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void startHolder() {
        holder = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void everyConnectionReturned() throws InterruptedException {
        holder.shutdownNow();
        assertTrue(holder.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(0, TxSchema.active(db.dataSource()));
        assertEquals(2, entries.count(), "the pool works again");
    }

    /** Asserts that {@code call} waits out the connection timeout, and no more, then says the pool is exhausted. */
    private static PoolTimeoutException exhausts(String method, Executable call) {
        long start = System.nanoTime();
        PoolTimeoutException e = assertThrows(PoolTimeoutException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(TIMEOUT) >= 0 && took.compareTo(TIMEOUT.plusSeconds(2)) < 0, "took " + took);
        assertEquals(method, e.method());
        assertNull(e.sqlState());
        assertEquals(1, e.maximumPoolSize());
        assertEquals(TIMEOUT, e.connectionTimeout());
        String prefix = method == null ? "" : Pattern.quote(method + ": ");
        assertTrue(Pattern.matches(prefix + "quarry - Connection is not available, request timed out after [0-9]+ms "
                + Pattern.quote("(total=1, active=1, idle=0, waiting=0): the pool is exhausted, all 1 connections "
                + "(maximumPoolSize 1) stayed in use for the connectionTimeout of 500 ms"), e.getMessage()), e.getMessage());
        return e;
    }

    @Test
    void anOpenStreamHoldsTheOnlyConnection() {
        try (Stream<Entries.Entry> open = entries.all()) {
            assertEquals(1, open.iterator().next().id());
            exhausts("Entries.count", entries::count);
            exhausts("Entries.countInTransaction", entries::countInTransaction);
            exhausts(null, () -> db.transaction(entries::count));
            exhausts("Entries.all", () -> {
                try (Stream<Entries.Entry> second = entries.all()) {
                    second.count();
                }
            });
        }
    }

    @Test
    void aTransactionOnAnotherThreadHoldsTheOnlyConnection() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Future<Long> transaction = holder.submit(() -> db.transaction(() -> {
            long count = entries.count();
            inside.countDown();
            assertTrue(done.await(30, TimeUnit.SECONDS));
            return count;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        try {
            exhausts("Entries.count", entries::count);
            exhausts("Entries.insert", () -> entries.insert(3, "three"));
        } finally {
            done.countDown();
        }
        assertEquals(2L, transaction.get(10, TimeUnit.SECONDS));
    }
}
