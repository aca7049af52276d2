package dev.quarry.it.reliability;

import static dev.quarry.it.reliability.Backends.active;
import static dev.quarry.it.reliability.Backends.awaitOne;
import static dev.quarry.it.reliability.Backends.terminate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server kills the connection under a call ({@code pg_terminate_backend}, as an
 * administrator, a failover or an idle-session killer would): the call fails loudly with a
 * {@link DataException} naming the method, writes nothing, the pool gets rid of the dead
 * connection and the next call works.
 */
@PostgresTest
class ServerFaultsTest {
    private static final String APP = "quarry-faults";
    /** What PostgreSQL says to a client whose backend was terminated. */
    private static final String TERMINATED = "terminating connection due to administrator command";

    private static TestDatabase testDb;
    private static Database db;
    private static Faults repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Entry.DDL);
        db = Backends.open(database, APP, 4);
        repo = db.repository(Faults.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("DELETE FROM entries");
    }

    @AfterEach
    void noConnectionLeftCheckedOut() {
        assertEquals(0, active(db));
    }

    private static long rows() {
        return testDb.queryLong("SELECT count(*) FROM entries");
    }

    @Test
    void aRunningQueryWhoseBackendIsKilledFailsAtOnceNamingTheMethod() {
        AtomicInteger killed = new AtomicInteger();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            int pid = awaitOne(testDb, APP, "active", "%pg_sleep%");
            killed.set(pid);
            terminate(testDb, pid);
        });
        long start = System.nanoTime();
        DataException e = assertThrows(DataException.class, () -> repo.sleep(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        killer.join();

        // the call ends when the server kills it, not when the ten-second sleep would have ended
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        assertEquals("Faults.sleep", e.method());
        assertEquals("SELECT pg_sleep(?)::text", e.sql());
        assertEquals("57P01", e.sqlState());
        assertTrue(e.getMessage().startsWith("Faults.sleep: FATAL: " + TERMINATED), e.getMessage());
        assertEquals(0, active(db));
        // the pool discarded the dead connection: the next call runs on another server process
        assertNotEquals(killed.get(), repo.backendPid());
    }

    @Test
    void aStreamWhoseBackendIsKilledMidWayFailsOnItsNextFetchAndGivesTheConnectionBack() {
        List<Integer> seen = new ArrayList<>();
        int pid;
        DataException e;
        try (Stream<Faults.Tick> ticks = repo.ticks(1_000)) {
            Iterator<Faults.Tick> it = ticks.iterator();
            Faults.Tick first = it.next();
            seen.add(first.n());
            pid = first.pid();
            terminate(testDb, pid);
            e = assertThrows(DataException.class, () -> {
                while (it.hasNext()) {
                    seen.add(it.next().n());
                }
            });
            // the failure itself gave the connection back; close() below has nothing left to do
            assertEquals(0, active(db));
        }
        // the rows of the fetch already received are delivered; the next fetch fails
        assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), seen);
        assertEquals("Faults.ticks", e.method());
        assertTrue(e.getMessage().startsWith("Faults.ticks: "), e.getMessage());
        assertTrue(e.getMessage().contains(TERMINATED), e.getMessage());
        try (Stream<Faults.Tick> again = repo.ticks(25)) {
            List<Faults.Tick> rows = again.toList();
            assertEquals(25, rows.size());
            assertNotEquals(pid, rows.get(0).pid());
        }
    }

    @Test
    void aCopyWhoseBackendIsKilledInItsSecondChunkWritesNoRow() {
        AtomicBoolean inputClosed = new AtomicBoolean();
        AtomicInteger killed = new AtomicInteger();
        // 300 rows in chunks of 100: row 150 is produced while the second chunk's COPY is open
        Stream<Entry> input = LongStream.rangeClosed(1, 300).mapToObj(n -> {
            if (n == 150) {
                killed.set(awaitOne(testDb, APP, "active", "COPY entries %"));
                terminate(testDb, killed.get());
            }
            return Entry.of(n);
        }).onClose(() -> inputClosed.set(true));

        DataException e = assertThrows(DataException.class, () -> repo.load(input));

        assertNotEquals(0, killed.get());
        assertEquals("Faults.load", e.method());
        assertTrue(e.getMessage().startsWith("Faults.load: "), e.getMessage());
        // the first chunk's 100 rows were sent, but never committed
        assertEquals(0, rows());
        assertTrue(inputClosed.get());
        assertEquals(0, active(db));
        assertEquals(5, repo.load(LongStream.rangeClosed(1, 5).mapToObj(Entry::of)));
        assertEquals(5, rows());
    }

    @Test
    void aTransactionWhoseBackendIsKilledCommitsNothing() {
        AtomicInteger killed = new AtomicInteger();
        DataException e = assertThrows(DataException.class, () -> db.transaction(() -> {
            repo.add(1, "first", 1);
            killed.set(repo.backendPid());
            terminate(testDb, killed.get());
            return repo.add(2, "second", 2);
        }));
        assertEquals("Faults.add", e.method());
        assertTrue(e.getMessage().startsWith("Faults.add: "), e.getMessage());
        assertTrue(e.getMessage().contains(TERMINATED), e.getMessage());
        assertEquals(0, rows());
        assertEquals(0, active(db));
        assertEquals(1, repo.add(3, "after", 3));
        assertEquals(1, rows());
    }

    @Test
    void idleConnectionsKilledByTheServerAreReplacedWhenBorrowed() {
        // the pool keeps four idle connections; wait until all four exist on the server
        Backends.await(Duration.ofSeconds(5),
                () -> Backends.idle(db) == 4 && Backends.pids(testDb, APP, "idle", "%").size() == 4,
                () -> "pool idle=" + Backends.idle(db) + ", server " + Backends.pids(testDb, APP));
        List<Integer> killed = Backends.pids(testDb, APP, "idle", "%");
        killed.forEach(pid -> terminate(testDb, pid));
        assertEquals(List.of(), Backends.pids(testDb, APP));
        // HikariCP tests a borrowed connection that has been idle for more than 500 ms
        Backends.pause(Duration.ofMillis(600));

        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            served.add(repo.backendPid());
        }
        assertFalse(served.stream().anyMatch(killed::contains), "served by " + served + ", killed " + killed);
        assertEquals(0, active(db));
    }
}
