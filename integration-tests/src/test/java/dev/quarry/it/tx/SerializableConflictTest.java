package dev.quarry.it.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.runtime.SerializationFailureException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two threads increment one counter through SERIALIZABLE {@code @Transactional} methods. Each
 * thread's first attempt waits after its read until the other has read too, so both write from
 * the same snapshot and exactly one of them must fail to serialize: the outcome does not depend
 * on timing.
 */
@PostgresTest
class SerializableConflictTest {
    private static TestDatabase testDb;
    private static Database db;
    private static Ledger ledger;
    private ExecutorService threads;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(TxSchema.DDL);
        db = TxSchema.open(database);
        ledger = db.repository(Ledger.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void everyConnectionReturned() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "worker threads ended");
        assertEquals(0, TxSchema.active(db.dataSource()));
    }

    /** Both threads' runs of {@code method}; each counts its attempts and lines up after its first read. */
    private List<Future<Integer>> race(int counter, BiFunction<Integer, Runnable, Integer> method, AtomicInteger attempts) {
        CyclicBarrier bothRead = new CyclicBarrier(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int thread = 0; thread < 2; thread++) {
            runs.add(threads.submit(() -> {
                boolean[] lined = {false};
                return method.apply(counter, () -> {
                    attempts.incrementAndGet();
                    if (!lined[0]) {
                        lined[0] = true;
                        try {
                            bothRead.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                            throw new IllegalStateException("the other thread never read", e);
                        }
                    }
                });
            }));
        }
        return runs;
    }

    @Test
    void withoutRetriesOneOfTwoConflictingMethodsFailsToSerialize() throws Exception {
        testDb.execute("INSERT INTO counter VALUES (1, 0)");
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> succeeded = new ArrayList<>();
        List<Throwable> failed = new ArrayList<>();
        for (Future<Integer> run : race(1, ledger::increment, attempts)) {
            try {
                succeeded.add(run.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                failed.add(e.getCause());
            }
        }
        assertEquals(List.of(0), succeeded);
        assertEquals(1, failed.size());
        SerializationFailureException e = assertInstanceOf(SerializationFailureException.class, failed.get(0));
        assertEquals("40001", e.sqlState());
        assertEquals("Ledger.setCounter", e.method());
        assertEquals("UPDATE counter SET value = ? WHERE id = ?", e.sql());
        assertTrue(e.getMessage().startsWith("Ledger.setCounter: ERROR: could not serialize access due to concurrent "
                + "update"), e.getMessage());
        assertEquals(2, attempts.get(), "nothing ran again");
        assertEquals(1, testDb.queryLong("SELECT value FROM counter WHERE id = 1"));
    }

    @Test
    void withRetriesBothSucceedAndTheResultIsTheSerialOne() throws Exception {
        testDb.execute("INSERT INTO counter VALUES (2, 0)");
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> run : race(2, ledger::incrementWithRetries, attempts)) {
            seen.add(run.get(30, TimeUnit.SECONDS));
        }
        seen.sort(null);
        // one increment after the other: the second saw the first's write
        assertEquals(List.of(0, 1), seen);
        assertEquals(2, testDb.queryLong("SELECT value FROM counter WHERE id = 2"));
        assertEquals(3, attempts.get(), "the loser of the conflict ran once more");
    }
}
