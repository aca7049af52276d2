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
import dev.quarry.testing.Standby;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Failover on a primary of this class's own and its hot standby, reached through one multi-host URL
 * with {@code targetServerType=primary}: the primary stops (fast shutdown) with a call in flight and
 * between calls, the standby is promoted, and the same Database carries on on the new primary.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverTest {
    /** Above HikariCP's longest pause (5 s) between attempts to connect, so a call can outlast a failover. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(7);
    private static PostgresServer primary;
    private static Standby standby;
    private static TestDatabase primaryDb;
    private static Database db;
    private static Replicated repo;
    private static ExecutorService caller;

    @BeforeAll
    static void setUp() {
        assumeTrue(PostgresServer.shared().isEmbedded(), "failover needs embedded servers, not QUARRY_TEST_URL's");
        primary = PostgresServer.startSeparate();
        primaryDb = primary.createDatabase("failover");
        primaryDb.execute(Replicated.DDL);
        standby = primary.standby();
        // hostRecheckSeconds: pgjdbc remembers a host it found to be a standby for 10 s by default,
        // which would keep refusing the promoted one for that long
        String url = "jdbc:postgresql://localhost:" + primary.port() + ",localhost:" + standby.port() + "/"
                + primaryDb.name() + "?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=2";
        db = Database.builder().url(url).user(primaryDb.user()).password(primaryDb.password())
                .maximumPoolSize(2).connectionTimeout(CONNECTION_TIMEOUT).build();
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
        if (primary != null) {
            primary.stop();
        }
    }

    @Test
    @Order(2)
    void callsFailClearlyWhileThePrimaryIsDownAndSucceedOnThePromotedStandby() throws Exception {
        assertEquals(1, repo.add(1, "before the failover"));
        assertFalse(repo.onStandby());
        standby.awaitCatchUp(Duration.ofSeconds(10));

        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> repo.sleep(60), caller);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (primaryDb.queryLong("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'") == 0) {
                Thread.sleep(5);
            }
        });
        primary.stop();

        ExecutionException stopped = assertThrows(ExecutionException.class, () -> inFlight.get(10, TimeUnit.SECONDS));
        DataException e = assertInstanceOf(DataException.class, stopped.getCause());
        assertTrue(e.getMessage().startsWith("Replicated.sleep: "), e.getMessage());
        assertEquals("57P01", e.sqlState(), e.getMessage());
        assertTrue(e.getMessage().contains("terminating connection due to administrator command"), e.getMessage());

        // no primary at all: the call waits for a connection no longer than the pool's timeout, and says why
        long start = System.nanoTime();
        DataException down = assertThrows(DataException.class, () -> repo.add(2, "while the primary is down"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(down.getMessage().startsWith("Replicated.add: "), down.getMessage());
        assertTrue(waited.compareTo(CONNECTION_TIMEOUT.plusSeconds(3)) < 0, "waited " + waited);
        assertTrue(down.getMessage().contains("the last attempt to connect failed: Could not find a server with "
                + "specified targetServerType: primary"), down.getMessage());

        // a call made while the primary is down waits for a connection, and gets one once the standby is promoted
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> repo.add(3, "during the failover"), caller);
        Thread.sleep(200);
        standby.promote();
        assertEquals(1, waiting.get(CONNECTION_TIMEOUT.toSeconds() + 3, TimeUnit.SECONDS));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertEquals(1, repo.add(4, "after the failover")));
        assertFalse(repo.onStandby());
        assertEquals(1, repo.count(1), "a row committed before the failover was lost");
        assertEquals(0, repo.count(2));
        assertEquals(1, repo.count(3));
        assertEquals(1, repo.count(4));
        assertEquals(0, Pools.active(db.dataSource()));
    }

    @Test
    @Order(1) // before the failover, while the standby is one
    void aMultiHostUrlWithNoPrimaryFailsTheBuildWithoutThePassword() {
        // the standby alone answers: pgjdbc finds no primary among the hosts
        String url = "jdbc:postgresql://localhost:1,localhost:" + standby.port() + "/" + primaryDb.name()
                + "?targetServerType=primary&password=hunter2";
        long start = System.nanoTime();
        DataException e = assertThrows(DataException.class, () -> Database.builder().url(url).user("postgres").build());
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(e.getMessage().startsWith("cannot open pool 'quarry' on "), e.getMessage());
        assertTrue(e.getMessage().contains("Could not find a server with specified targetServerType: primary"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(waited.compareTo(Duration.ofSeconds(10)) < 0, "waited " + waited);
    }
}
