package dev.quarry.it.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.SerializationFailureException;
import dev.quarry.testing.PostgresServer;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.Standby;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A read on the standby that holds a snapshot while the primary vacuums away rows it could still
 * see: with {@code hot_standby_feedback} off the standby cancels it after {@code max_standby_streaming_delay}.
 */
@PostgresTest
class RecoveryConflictTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static Standby standby;
    private static Database db;
    private static Replicated repo;
    private static TestDatabase primaryDb;

    @BeforeAll
    static void setUp(TestDatabase database) {
        assumeTrue(PostgresServer.shared().isEmbedded(), "a standby needs the embedded server, not QUARRY_TEST_URL's");
        primaryDb = database;
        database.execute(Replicated.DDL);
        standby = PostgresServer.shared().standby(Map.of("max_standby_streaming_delay", "100ms",
                "hot_standby_feedback", "off"));
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).connectionTimeout(Duration.ofSeconds(5))
                .replica(standby.jdbcUrl(database.name()), standby.user(), standby.password())
                .build();
        repo = db.repository(Replicated.class);
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

    @BeforeEach
    void rows() {
        primaryDb.execute("TRUNCATE item; INSERT INTO item SELECT g, 'n' || g FROM generate_series(1, 1000) g;");
        standby.awaitCatchUp(Duration.ofSeconds(10));
    }

    @AfterEach
    void everyConnectionReturned() {
        assertEquals(0, Pools.active(db.dataSource()));
        assertEquals(0, Pools.active(db.replicaDataSource().orElseThrow()));
    }

    /** Deletes every row and vacuums them away on the primary, and waits until the standby replayed that. */
    private static void vacuumAwayOnThePrimary() {
        primaryDb.execute("DELETE FROM item");
        primaryDb.execute("VACUUM item");
        standby.awaitCatchUp(Duration.ofSeconds(10));
    }

    @Test
    void aStreamOnTheStandbyFailsWithTheConflictNamingTheMethod() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Stream<Replicated.Item> items = repo.items()) {
                Iterator<Replicated.Item> rows = items.iterator();
                assertTrue(rows.next().onStandby());
                vacuumAwayOnThePrimary();
                DataException e = assertThrows(DataException.class, () -> {
                    while (rows.hasNext()) {
                        rows.next();
                    }
                });
                assertInstanceOf(SerializationFailureException.class, e, e.getMessage());
                assertEquals("40001", e.sqlState(), e.getMessage());
                assertTrue(e.getMessage().contains("Replicated.items"), e.getMessage());
                assertTrue(e.getMessage().contains("conflict with recovery"), e.getMessage());
            }
            // the pool can serve the next read on the standby
            assertEquals(0, repo.countAllReadOnly());
        });
    }

    @Test
    void aReadOnlyTransactionWithoutRetriesFailsWithTheConflict() {
        Logger core = (Logger) LoggerFactory.getLogger("dev.quarry.runtime.internal.Core");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        core.addAppender(logged);
        try {
            assertTimeoutPreemptively(LIMIT, () -> {
                DataException e = assertThrows(DataException.class,
                        () -> repo.countTwiceOnce(RecoveryConflictTest::vacuumAwayOnThePrimary));
                assertInstanceOf(SerializationFailureException.class, e, e.getMessage());
                assertTrue(e.getMessage().contains("Replicated.countAllReadOnly"), e.getMessage());
                assertTrue(e.getMessage().contains("conflict with recovery"), e.getMessage());
                assertEquals(0, repo.countAllReadOnly());
            });
        } finally {
            core.detachAppender(logged);
        }
        // the caller has the failure; the connection the server ended is no warning of its own
        assertEquals(List.of(), logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void aReadOnlyTransactionWithRetriesRunsAgainOnAFreshSnapshot() {
        int[] attempts = new int[1];
        long counted = assertTimeoutPreemptively(LIMIT, () -> repo.countTwice(() -> {
            if (attempts[0]++ == 0) {
                vacuumAwayOnThePrimary();
            }
        }));
        assertEquals(2, attempts[0], "runs of the method");
        assertEquals(0, counted, "the second run reads the rows as the primary left them: none");
    }
}
