package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.SerializationFailureException;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactions as generated repositories see them; each test uses its own range of account ids. */
@PostgresTest
class TransactionsTest {
    private static TestDatabase testDb;
    private static Database db;
    private static Accounts repo;
    private ExecutorService threads;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL);
                CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL);
                """);
        db = Databases.open(database);
        repo = db.repository(Accounts.class);
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
    void everyConnectionReturned() throws Exception {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "worker threads ended");
        assertEquals(0, Databases.activeConnections(db));
    }

    /** What is committed, read on a connection of its own. */
    private static List<Integer> committedIds(int from, int to) {
        return Jdbc.query(testDb, "SELECT id FROM account WHERE id BETWEEN ? AND ? ORDER BY id",
                rs -> rs.getInt(1), from, to);
    }

    @Test
    void commitsWhenTheWorkReturns() {
        int result = db.transaction(() -> {
            repo.insert(1, 100);
            repo.insert(2, 200);
            return 7;
        });
        assertEquals(7, result);
        assertEquals(List.of(1, 2), committedIds(1, 4));
    }

    @Test
    void runnableWorkCommitsToo() {
        db.transaction(Isolation.READ_COMMITTED, () -> {
            repo.insert(5, 1);
        });
        assertEquals(List.of(5), committedIds(5, 5));
    }

    @Test
    void rollsBackAndRethrowsAnUncheckedExceptionUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            repo.insert(10, 1);
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(List.of(), committedIds(10, 19));
    }

    @Test
    void rollsBackAndWrapsACheckedException() {
        Exception checked = new Exception("checked boom");
        DataException e = assertThrows(DataException.class, () -> db.transaction(() -> {
            repo.insert(20, 1);
            throw checked;
        }));
        assertSame(checked, e.getCause());
        assertEquals("transaction work failed: java.lang.Exception: checked boom", e.getMessage());
        assertEquals(List.of(), committedIds(20, 24));
    }

    @Test
    void aFailedStatementRollsBackTheWritesBeforeIt() {
        repo.insert(25, 1);
        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> db.transaction(() -> {
            repo.insert(26, 1);
            return repo.insert(25, 2);
        }));
        assertEquals("Accounts.insert", e.method());
        assertEquals(List.of(25), committedIds(25, 29));
        assertEquals(Optional.of(1), repo.balanceOf(25));
    }

    @Test
    void repositoriesInsideSeeTheirOwnUncommittedWrites() throws Exception {
        db.transaction(() -> {
            repo.insert(30, 5);
            assertEquals(Optional.of(5), repo.balanceOf(30));
            assertEquals(List.of(30), repo.idsBetween(30, 39));
            // not committed yet: neither another connection nor another thread's repository call sees it
            assertEquals(List.of(), committedIds(30, 39));
            assertEquals(Optional.empty(), threads.submit(() -> repo.balanceOf(30)).get(10, TimeUnit.SECONDS));
            return null;
        });
        assertEquals(List.of(30), committedIds(30, 39));
    }

    @Test
    void nestedTransactionJoinsTheOuterOne() {
        long[] transactionIds = new long[2];
        db.transaction(() -> {
            transactionIds[0] = repo.transactionId();
            repo.insert(40, 1);
            db.transaction(() -> {
                transactionIds[1] = repo.transactionId();
                assertEquals(Optional.of(1), repo.balanceOf(40));
                return repo.insert(41, 1);
            });
            return null;
        });
        assertEquals(transactionIds[0], transactionIds[1]);
        assertEquals(List.of(40, 41), committedIds(40, 49));
        // outside a transaction every statement is its own
        assertNotEquals(repo.transactionId(), repo.transactionId());
    }

    @Test
    void innerFailureThatPropagatesRollsBackEverything() {
        IllegalArgumentException inner = new IllegalArgumentException("inner");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> db.transaction(() -> {
            repo.insert(50, 1);
            return db.transaction(() -> {
                repo.insert(51, 1);
                throw inner;
            });
        }));
        assertSame(inner, thrown);
        assertEquals(List.of(), committedIds(50, 54));
    }

    @Test
    void innerWorkIsNotCommittedOnItsOwn() {
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.transaction(() -> repo.insert(55, 1));
            throw new IllegalStateException("outer fails after inner returned");
        }));
        assertEquals(List.of(), committedIds(55, 55));
    }

    @Test
    void isolationLevelIsSetOnTheConnection() {
        assertEquals("serializable", db.transaction(Isolation.SERIALIZABLE, repo::isolation));
        assertEquals("repeatable read", db.transaction(Isolation.REPEATABLE_READ, repo::isolation));
        assertEquals("read committed", db.transaction(Isolation.READ_COMMITTED, repo::isolation));
        assertEquals("read committed", db.transaction(repo::isolation));
        // a weaker level inside a stricter transaction joins it as it is
        assertEquals("serializable", db.transaction(Isolation.SERIALIZABLE,
                () -> db.transaction(Isolation.READ_COMMITTED, repo::isolation)));
    }

    @Test
    void connectionsGoBackToThePoolWithTheDefaultLevel() {
        db.transaction(Isolation.SERIALIZABLE, repo::isolation);
        for (int i = 0; i < 8; i++) {
            assertEquals("read committed", repo.isolation());
        }
    }

    @Test
    void stricterLevelInsideAWeakerTransactionFails() {
        DataException e = assertThrows(DataException.class, () -> db.transaction(Isolation.READ_COMMITTED, () -> {
            repo.insert(60, 1);
            return db.transaction(Isolation.SERIALIZABLE, repo::isolation);
        }));
        assertEquals("cannot run a SERIALIZABLE transaction inside a READ_COMMITTED one: the isolation level is "
                + "fixed when a transaction begins", e.getMessage());
        assertEquals(List.of(), committedIds(60, 69));
        assertThrows(DataException.class, () -> db.transaction(
                () -> db.transaction(Isolation.REPEATABLE_READ, repo::isolation)));
    }

    /**
     * A read-modify-write of one counter. The first attempt of each thread waits until both have
     * read, so both write from the same snapshot and one of them must fail to serialize.
     */
    private Callable<Integer> increment(int counter, CyclicBarrier bothRead, AtomicInteger attempts, int retries) {
        return () -> {
            AtomicBoolean firstAttempt = new AtomicBoolean(true);
            return db.transaction(Isolation.SERIALIZABLE, retries, () -> {
                attempts.incrementAndGet();
                int seen = repo.counterValue(counter);
                if (firstAttempt.getAndSet(false)) {
                    bothRead.await(10, TimeUnit.SECONDS);
                }
                repo.setCounter(counter, seen + 1);
                return seen;
            });
        };
    }

    @Test
    void conflictingSerializableTransactionsBothSucceedWithRetries() throws Exception {
        testDb.execute("INSERT INTO counter VALUES (1, 0)");
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        Future<Integer> first = threads.submit(increment(1, bothRead, attempts, 5));
        Future<Integer> second = threads.submit(increment(1, bothRead, attempts, 5));
        List<Integer> seen = new ArrayList<>(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)));
        seen.sort(null);
        // the serial result: one increment after the other
        assertEquals(2, testDb.queryLong("SELECT value FROM counter WHERE id = 1"));
        assertEquals(List.of(0, 1), seen);
        assertEquals(3, attempts.get(), "the loser of the conflict ran once more");
    }

    @Test
    void withoutRetriesTheConflictSurfacesAsSerializationFailure() throws Exception {
        testDb.execute("INSERT INTO counter VALUES (2, 0)");
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        List<Future<Integer>> futures = List.of(threads.submit(increment(2, bothRead, attempts, 0)),
                threads.submit(increment(2, bothRead, attempts, 0)));
        List<Integer> succeeded = new ArrayList<>();
        List<Throwable> failed = new ArrayList<>();
        for (Future<Integer> future : futures) {
            try {
                succeeded.add(future.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                failed.add(e.getCause());
            }
        }
        assertEquals(List.of(0), succeeded);
        assertEquals(1, failed.size());
        SerializationFailureException e = assertInstanceOf(SerializationFailureException.class, failed.get(0));
        assertEquals("40001", e.sqlState());
        assertEquals("Accounts.setCounter", e.method());
        assertEquals("UPDATE counter SET value = ? WHERE id = ?", e.sql());
        assertEquals(2, attempts.get());
        assertEquals(1, testDb.queryLong("SELECT value FROM counter WHERE id = 2"));
    }
}
