package dev.quarry.it.reliability;

import static dev.quarry.it.reliability.Backends.active;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.runtime.QueryTimeoutException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A statement that runs too long is cancelled with a {@link QueryTimeoutException} naming the
 * method, and the connection it ran on stays in the pool, usable: a cancel is not a fault.
 */
@PostgresTest
class TimeoutsTest {
    private static final String APP = "quarry-timeouts";
    private static final String SERVER_LIMITED_APP = "quarry-statement-timeout";

    private static TestDatabase testDb;
    /** One connection, so that "the same connection" is the only one there is. */
    private static Database single;
    private static Slow slow;
    /** Every session of this pool runs with a statement_timeout of one second. */
    private static Database limited;
    private static Slow limitedSlow;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Entry.DDL);
        single = Backends.open(database, APP, 1);
        slow = single.repository(Slow.class);
        limited = Backends.builder(database, SERVER_LIMITED_APP, 2).statementTimeout(Duration.ofSeconds(1)).build();
        limitedSlow = limited.repository(Slow.class);
    }

    @AfterAll
    static void tearDown() {
        single.close();
        limited.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("DELETE FROM entries");
    }

    @AfterEach
    void noConnectionLeftCheckedOut() {
        assertEquals(0, active(single));
        assertEquals(0, active(limited));
    }

    @Test
    void aQueryTimeoutCancelsTheStatementAndTheSameConnectionServesTheNextCall() {
        int pid = slow.backendPid();
        QueryTimeoutException e = timesOut(() -> slow.sleepAtMostOneSecond(5));
        assertEquals("57014", e.sqlState());
        assertEquals("Slow.sleepAtMostOneSecond", e.method());
        assertEquals("SELECT pg_sleep(?)::text", e.sql());
        assertTrue(e.getMessage().startsWith(
                        "Slow.sleepAtMostOneSecond: ERROR: canceling statement due to user request"),
                e.getMessage());
        // not discarded: the pool's only connection, on the same server process, runs the next statement
        assertEquals(pid, slow.backendPid());
        assertEquals("", slow.sleepAtMostOneSecond(0.01));
    }

    @Test
    void aTimeoutInsideATransactionRollsTheWholeTransactionBack() {
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> single.transaction(() -> {
            assertEquals(1, slow.add(1, "written before the timeout", 1));
            return slow.sleepAtMostOneSecond(5);
        }));
        assertEquals("Slow.sleepAtMostOneSecond", e.method());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM entries"));
        assertEquals(1, slow.add(2, "after", 2));
        assertEquals(1, slow.count());
    }

    @Test
    void theDatabaseWideStatementTimeoutIsAQueryTimeoutToo() {
        QueryTimeoutException e = timesOut(() -> limitedSlow.sleep(5));
        assertEquals("57014", e.sqlState());
        assertEquals("Slow.sleep", e.method());
        assertTrue(e.getMessage().startsWith("Slow.sleep: ERROR: canceling statement due to statement timeout"),
                e.getMessage());
        assertEquals("", limitedSlow.sleep(0.01));
    }

    @Test
    void cancellingAFutureCancelsItsStatementAndReturnsTheConnection() {
        CompletableFuture<String> future = slow.sleepAsync(30);
        int pid = Backends.awaitOne(testDb, APP, "active", "%pg_sleep%");
        long start = System.nanoTime();
        assertTrue(future.cancel(true));
        assertThrows(CancellationException.class, future::join);
        // the server stops the statement, not just the caller waiting for it
        Backends.await(Duration.ofSeconds(3),
                () -> Backends.pids(testDb, APP, "active", "%pg_sleep%").isEmpty() && active(single) == 0,
                () -> "still running: " + Backends.pids(testDb, APP, "active", "%pg_sleep%"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
        assertEquals(List.of(pid), Backends.pids(testDb, APP, "idle", "%"));
        assertEquals(pid, slow.backendPid());
    }

    /** Asserts the call times out after about a second, well before the five it asks for. */
    private static QueryTimeoutException timesOut(Executable call) {
        long start = System.nanoTime();
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(900)) > 0 && took.compareTo(Duration.ofSeconds(4)) < 0,
                "took " + took);
        return e;
    }
}
