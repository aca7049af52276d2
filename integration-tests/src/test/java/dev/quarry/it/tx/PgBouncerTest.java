package dev.quarry.it.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The core kinds of call through a real PgBouncer in transaction pooling mode, with a single server
 * connection behind four pooled client connections: every transaction may land on the session
 * another client used last, so anything left in a session would show. Skipped when the
 * {@code pgbouncer} executable is not installed.
 */
@PostgresTest
@EnabledIf(value = "dev.quarry.it.tx.PgBouncer#installed",
        disabledReason = "pgbouncer is not installed (Debian: apt-get install pgbouncer): PgBouncer transaction-mode tests skipped")
class PgBouncerTest {
    private static final String PROBE_SQL = "SELECT $1 + 1000";
    private static final String OTHER_PROBE_SQL = "SELECT $1 + 2000";

    private static PgBouncer bouncer;
    private static TestDatabase testDb;
    private static Database db;
    private static Bounced bounced;

    @BeforeAll
    static void start(TestDatabase database) throws IOException {
        testDb = database;
        database.execute(Bounced.DDL);
        bouncer = PgBouncer.start(PgBouncer.binary().orElseThrow(), database.url(), database.user(),
                database.password(), 1);
        db = throughBouncer().pgbouncerTransactionMode(true).build();
        bounced = db.repository(Bounced.class);
    }

    private static Database.Builder builder() {
        return Database.builder().url(bouncer.url(testDb.name())).user(testDb.user()).password(testDb.password());
    }

    private static Database.Builder throughBouncer() {
        return builder().maximumPoolSize(4);
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        if (bouncer != null) {
            bouncer.close();
        }
    }

    @AfterEach
    void everyConnectionReturned() {
        TxSchema.await(Duration.ofSeconds(5), () -> TxSchema.active(db.dataSource()) == 0,
                () -> TxSchema.active(db.dataSource()) + " connections still borrowed");
    }

    @Test
    void queriesAndWrites() {
        assertEquals(1, bounced.insert(1, "one"));
        assertEquals(2, bounced.insertAll(List.of(new Bounced.Note(2, "two"), new Bounced.Note(3, "three"))));
        assertEquals(1, bounced.update(3, "THREE"));
        assertEquals(List.of(new Bounced.Note(1, "one"), new Bounced.Note(2, "two"), new Bounced.Note(3, "THREE")),
                bounced.between(1, 9));
        assertEquals(Optional.of("two"), bounced.body(2));
        assertEquals(Optional.empty(), bounced.body(9));
        assertEquals(3, testDb.queryLong("SELECT count(*) FROM note WHERE id BETWEEN 1 AND 9"));
    }

    @Test
    void noNamedStatementIsLeftOnTheServerSession() {
        for (int n = 0; n < 10; n++) {
            assertEquals(n + 1000, bounced.probe(n));
        }
        // one server session behind the bouncer: this runs where the probes ran
        assertEquals(0, bounced.preparedOnServer(PROBE_SQL));
    }

    /** The hazard the mode avoids: without it, pgjdbc prepares a named statement on whichever session it is given. */
    @Test
    void withoutTheModeANamedStatementStaysOnTheServerSession() {
        try (Database plain = throughBouncer().maximumPoolSize(1).build()) {
            Bounced unprepared = plain.repository(Bounced.class);
            for (int n = 0; n < 10; n++) {
                assertEquals(n + 2000, unprepared.otherProbe(n));
            }
            assertEquals(1, unprepared.preparedOnServer(OTHER_PROBE_SQL));
        }
    }

    @Test
    void theIsolationLevelIsSetForTheTransactionNotTheSession() {
        assertEquals("serializable/read committed", bounced.serializableLevels());
        assertEquals("on/off", bounced.readOnlyLevels());
    }

    @Test
    void transactionsCommitOrRollBackAsAWhole() {
        bounced.insertPair(10, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bounced.insertPair(20, true));
        assertEquals("pair rejected", e.getMessage());
        assertEquals(List.of(10, 11), bounced.between(10, 29).stream().map(Bounced.Note::id).toList());
        db.transaction(() -> {
            bounced.insert(30, "in a transaction");
            assertEquals(1, bounced.count(30, 30));
            return null;
        });
        assertEquals(1, testDb.queryLong("SELECT count(*) FROM note WHERE id = 30"));
    }

    @Test
    void aStreamReadsItsCursorInChunksInsideATransaction() {
        bounced.insertAll(IntStream.rangeClosed(100, 349).mapToObj(id -> new Bounced.Note(id, "n" + id)).toList());
        try (Stream<Bounced.Note> notes = bounced.stream(100, 349)) {
            assertEquals(IntStream.rangeClosed(100, 349).boxed().toList(), notes.map(Bounced.Note::id).toList());
        }
    }

    @Test
    void concurrentFuturesShareTheServerSession() {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            futures.add(bounced.twice(n));
        }
        for (int n = 0; n < 100; n++) {
            assertEquals(2 * n, futures.get(n).orTimeout(30, TimeUnit.SECONDS).join());
        }
    }

    @Test
    void cancellingAFutureCancelsItsStatementThroughTheBouncer() throws SQLException {
        CompletableFuture<String> future = bounced.sleep();
        try (Connection direct = testDb.dataSource().getConnection()) {
            TxSchema.await(Duration.ofSeconds(10), () -> sleeping(direct) == 1, () -> "pg_sleep never started");
            long start = System.nanoTime();
            assertTrue(future.cancel(true));
            TxSchema.await(Duration.ofSeconds(1), () -> sleeping(direct) == 0, () -> "pg_sleep still running");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(1)) < 0);
        }
        assertThrows(CancellationException.class, future::join);
        assertEquals(14, bounced.twice(7).join());
    }

    private static int sleeping(Connection direct) {
        try (PreparedStatement select = direct.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND state = 'active' AND query = 'SELECT pg_sleep(30)::text AS bounced'");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
