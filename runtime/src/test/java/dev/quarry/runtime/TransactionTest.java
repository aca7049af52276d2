package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.internal.Core;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Transactions through {@link Core}, with plain JDBC standing in for generated repositories: the
 * statements below acquire and release connections exactly as generated code does.
 */
@PostgresTest
class TransactionTest {
    private static TestDatabase test;
    private static Database db;
    private static HikariDataSource pool;
    private static Core core;
    /** Another session, outside the pool: what it sees is what was committed. */
    private static Connection observer;

    @BeforeAll
    static void open(TestDatabase database) throws SQLException {
        test = database;
        test.execute("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);"
                + "CREATE TABLE parents (id int PRIMARY KEY);"
                + "CREATE TABLE children (id int PRIMARY KEY,"
                + "  parent_id int NOT NULL REFERENCES parents DEFERRABLE INITIALLY DEFERRED)");
        // Two connections, so that a connection given back too early would show as a second one in use.
        db = builderFor(test).maximumPoolSize(2).minimumIdle(1).connectionTimeout(Duration.ofSeconds(2)).build();
        pool = db.dataSource().unwrap(HikariDataSource.class);
        core = Core.of(db);
        observer = test.dataSource().getConnection();
    }

    @AfterAll
    static void close() throws SQLException {
        observer.close();
        db.close();
    }

    @BeforeEach
    void empty() {
        observe("DELETE FROM children; DELETE FROM parents; DELETE FROM items");
    }

    @AfterEach
    void everyConnectionIsBack() {
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "connections still in use");
        assertFalse(core.inTransaction(), "the thread is still bound to a transaction");
    }

    @Test
    void commitsWhenTheWorkReturns() {
        String result = db.transaction(() -> {
            insert(1, "one");
            insert(2, "two");
            // Another session must not see the rows before the work returns.
            assertEquals(0, committedItems());
            return "done";
        });

        assertEquals("done", result);
        assertEquals(2, committedItems());
    }

    @Test
    void aWorkMayReturnNull() {
        assertNull(db.transaction(() -> {
            insert(1, "one");
            return null;
        }));
        assertEquals(1, committedItems());
    }

    @Test
    void rollsBackAndRethrowsAnUncheckedExceptionUnchanged() {
        IllegalStateException failure = new IllegalStateException("changed my mind");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            insert(1, "one");
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(0, committedItems());
    }

    @Test
    void rollsBackAndRethrowsAnErrorUnchanged() {
        Error failure = new Error("fatal");

        Error thrown = assertThrows(Error.class, () -> db.transaction(() -> {
            insert(1, "one");
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(0, committedItems());
    }

    @Test
    void rollsBackAndWrapsACheckedException() {
        IOException failure = new IOException("disk full");

        DataException thrown = assertThrows(DataException.class, () -> db.transaction(() -> {
            insert(1, "one");
            throw failure;
        }));

        assertSame(failure, thrown.getCause());
        assertEquals("transaction work failed: java.io.IOException: disk full", thrown.getMessage());
        assertEquals(0, committedItems());
    }

    @Test
    void translatesASqlExceptionThrownByTheWork() {
        UniqueViolationException thrown = assertThrows(UniqueViolationException.class, () -> db.transaction(() -> {
            insert(1, "one");
            insert(1, "again");
            return null;
        }));

        assertEquals("23505", thrown.sqlState());
        assertInstanceOf(SQLException.class, thrown.getCause());
        assertEquals(0, committedItems());
    }

    @Test
    void aFailingCommitRollsBackAndNamesTheCommit() {
        // A deferred foreign key is checked only by COMMIT, so the work itself succeeds.
        ForeignKeyViolationException thrown = assertThrows(ForeignKeyViolationException.class,
                () -> db.transaction(() -> {
                    insert(1, "one");
                    update("INSERT INTO children (id, parent_id) VALUES (1, 42)");
                    return null;
                }));

        assertEquals("23503", thrown.sqlState());
        assertEquals("COMMIT", thrown.sql());
        assertTrue(thrown.getMessage().contains("children_parent_id_fkey"), thrown.getMessage());
        assertEquals(0, committedItems());
    }

    @Test
    void runnableWorkCommitsToo() {
        db.transaction(Isolation.READ_COMMITTED, () -> insert(1, "one"));
        db.transaction(Isolation.SERIALIZABLE, 2, () -> insert(2, "two"));

        assertEquals(2, committedItems());
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        AtomicReference<Connection> inner = new AtomicReference<>();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            Connection outer = core.acquire("outer");
            core.release(outer);
            int value = db.transaction(Isolation.DEFAULT, () -> {
                inner.set(core.acquire("inner"));
                core.release(inner.get());
                insert(1, "written by the inner transaction");
                return 7;
            });
            assertEquals(7, value);
            assertSame(outer, inner.get());
            // Joined, not committed on its own.
            assertEquals(0, committedItems());
            throw new IllegalStateException("outer fails after the inner returned");
        }));

        assertEquals("outer fails after the inner returned", thrown.getMessage());
        assertEquals(0, committedItems(), "the inner transaction's write outlived the outer rollback");
    }

    @Test
    void aNestedTransactionDoesNotRetryOnItsOwn() {
        AtomicInteger innerRuns = new AtomicInteger();

        assertThrows(SerializationFailureException.class, () -> db.transaction(() ->
                db.transaction(Isolation.DEFAULT, 3, () -> {
                    innerRuns.incrementAndGet();
                    throw serializationFailure();
                })));

        // Rerunning only the inner part would repeat it on a transaction that has already failed.
        assertEquals(1, innerRuns.get());
    }

    @ParameterizedTest
    @CsvSource({
            "READ_COMMITTED, SERIALIZABLE",
            "READ_COMMITTED, REPEATABLE_READ",
            "REPEATABLE_READ, SERIALIZABLE",
            "DEFAULT, SERIALIZABLE"
    })
    void rejectsAStricterNestedIsolation(Isolation outer, Isolation inner) {
        AtomicInteger innerRuns = new AtomicInteger();

        DataException thrown = assertThrows(DataException.class, () -> db.transaction(outer, () -> {
            insert(1, "one");
            db.transaction(inner, () -> innerRuns.incrementAndGet());
        }));

        assertEquals("cannot run a " + inner + " transaction inside a " + outer
                + " one: the isolation level is fixed when a transaction begins", thrown.getMessage());
        assertEquals(0, innerRuns.get());
        assertEquals(0, committedItems());
    }

    @ParameterizedTest
    @CsvSource({
            "SERIALIZABLE, SERIALIZABLE, serializable",
            "SERIALIZABLE, READ_COMMITTED, serializable",
            "SERIALIZABLE, DEFAULT, serializable",
            "REPEATABLE_READ, READ_COMMITTED, repeatable read",
            "READ_COMMITTED, DEFAULT, read committed"
    })
    void aNestedTransactionRunsAtTheOuterLevel(Isolation outer, Isolation inner, String level) {
        String seen = db.transaction(outer, () -> db.transaction(inner, () -> show("transaction_isolation")));
        assertEquals(level, seen);
    }

    @ParameterizedTest
    @CsvSource({
            "DEFAULT, read committed",
            "READ_COMMITTED, read committed",
            "REPEATABLE_READ, repeatable read",
            "SERIALIZABLE, serializable"
    })
    void setsTheIsolationLevel(Isolation isolation, String level) {
        assertEquals(level, db.transaction(isolation, () -> show("transaction_isolation")));
    }

    @Test
    void retriesASerializationFailureUntilTheWorkSucceeds() {
        AtomicInteger runs = new AtomicInteger();

        String result = db.transaction(Isolation.SERIALIZABLE, 2, () -> {
            // Every attempt writes the same key: a leftover from a failed attempt would collide.
            insert(1, "attempt " + runs.incrementAndGet());
            if (runs.get() <= 2) {
                throw serializationFailure();
            }
            return "succeeded";
        });

        assertEquals("succeeded", result);
        assertEquals(3, runs.get());
        assertEquals(1, committedItems());
        assertEquals(1, observedLong("SELECT count(*) FROM items WHERE name = 'attempt 3'"));
    }

    @Test
    void givesUpAfterTheLastRetrySayingHowManyAttemptsRan() {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<SerializationFailureException> first = new AtomicReference<>();
        AtomicReference<SerializationFailureException> last = new AtomicReference<>();

        SerializationFailureException thrown = assertThrows(SerializationFailureException.class,
                () -> db.transaction(Isolation.SERIALIZABLE, 1, () -> {
                    runs.incrementAndGet();
                    insert(1, "one");
                    last.set(serializationFailure());
                    first.compareAndSet(null, last.get());
                    throw last.get();
                }));

        assertEquals(2, runs.get());
        assertEquals("the transaction failed after 2 attempts (1 retry), each a serialization failure or deadlock; "
                + "the last: could not serialize access", thrown.getMessage());
        assertEquals("40001", thrown.sqlState());
        assertSame(last.get(), thrown.getCause());
        assertEquals(1, thrown.getSuppressed().length);
        assertSame(first.get(), thrown.getSuppressed()[0]);
        assertEquals(0, committedItems());
    }

    @Test
    void retriesADeadlockFoundDeeperInTheCauseChain() {
        AtomicInteger runs = new AtomicInteger();

        int result = db.transaction(Isolation.READ_COMMITTED, 1, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("wrapped", new SQLException("deadlock detected", "40P01"));
            }
            return 42;
        });

        assertEquals(42, result);
        assertEquals(2, runs.get());
    }

    @Test
    void doesNotRetryOtherFailures() {
        AtomicInteger runs = new AtomicInteger();
        DataException failure = new DataException("not retryable", "23505", null, null, null);

        DataException thrown = assertThrows(DataException.class, () -> db.transaction(Isolation.SERIALIZABLE, 3, () -> {
            runs.incrementAndGet();
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(1, runs.get());
    }

    @Test
    void doesNotRetryWithoutRetries() {
        AtomicInteger runs = new AtomicInteger();

        assertThrows(SerializationFailureException.class, () -> db.transaction(Isolation.SERIALIZABLE, () -> {
            runs.incrementAndGet();
            throw serializationFailure();
        }));

        assertEquals(1, runs.get());
    }

    @Test
    void retriesARealSerializationFailure() {
        observe("INSERT INTO items VALUES (1, 'original')");
        AtomicInteger runs = new AtomicInteger();

        String name = db.transaction(Isolation.REPEATABLE_READ, 1, () -> {
            int run = runs.incrementAndGet();
            // The first statement fixes the snapshot; a commit by another session after it conflicts.
            assertEquals(run == 1 ? "original" : "concurrent", queryString("SELECT name FROM items WHERE id = 1"));
            if (run == 1) {
                observe("UPDATE items SET name = 'concurrent' WHERE id = 1");
            }
            update("UPDATE items SET name = name || ' + mine' WHERE id = 1");
            return queryString("SELECT name FROM items WHERE id = 1");
        });

        assertEquals(2, runs.get());
        assertEquals("concurrent + mine", name);
        assertEquals(1, observedLong("SELECT count(*) FROM items WHERE name = 'concurrent + mine'"));
    }

    @Test
    void aRealSerializationFailureWithoutRetriesCarriesItsSqlState() {
        observe("INSERT INTO items VALUES (1, 'original')");

        SerializationFailureException thrown = assertThrows(SerializationFailureException.class,
                () -> db.transaction(Isolation.REPEATABLE_READ, () -> {
                    queryString("SELECT name FROM items WHERE id = 1");
                    observe("UPDATE items SET name = 'concurrent' WHERE id = 1");
                    update("UPDATE items SET name = 'mine' WHERE id = 1");
                }));

        assertEquals("40001", thrown.sqlState());
        assertTrue(thrown.getMessage().contains("could not serialize access"), thrown.getMessage());
        assertEquals(1, observedLong("SELECT count(*) FROM items WHERE name = 'concurrent'"));
    }

    @Test
    void rejectsNegativeRetriesBeforeRunningAnything() {
        AtomicInteger runs = new AtomicInteger();

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> db.transaction(Isolation.SERIALIZABLE, -1, () -> runs.incrementAndGet()));

        assertEquals("retries must be >= 0, was -1", thrown.getMessage());
        assertEquals(0, runs.get());
    }

    @Test
    void anInterruptWhileWaitingToRetryStopsRetrying() {
        AtomicInteger runs = new AtomicInteger();
        try {
            DataException thrown = assertThrows(DataException.class, () -> db.transaction(Isolation.SERIALIZABLE, 5, () -> {
                runs.incrementAndGet();
                Thread.currentThread().interrupt();
                throw serializationFailure();
            }));

            assertEquals("interrupted while waiting to retry a transaction", thrown.getMessage());
            assertInstanceOf(InterruptedException.class, thrown.getCause());
            assertEquals(1, runs.get());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt was swallowed");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aConnectionThatCannotBeOpenedFailsBeforeTheWorkRuns() throws SQLException {
        PGSimpleDataSource missing = test.dataSource().unwrap(PGSimpleDataSource.class);
        missing.setDatabaseName(test.name() + "_missing");
        try (Database nowhere = Database.of(missing)) {
            AtomicInteger runs = new AtomicInteger();

            DataException inTransaction = assertThrows(DataException.class,
                    () -> nowhere.transaction(() -> runs.incrementAndGet()));
            DataException outside = assertThrows(DataException.class,
                    () -> Core.of(nowhere).acquire("ItemRepository.find"));

            assertEquals(0, runs.get());
            assertEquals("3D000", inTransaction.sqlState());
            assertTrue(inTransaction.getMessage().contains("database \"" + test.name() + "_missing\" does not exist"),
                    inTransaction.getMessage());
            assertEquals("3D000", outside.sqlState());
            assertEquals("ItemRepository.find", outside.method());
            assertTrue(outside.getMessage().startsWith("ItemRepository.find: "), outside.getMessage());
            assertFalse(Core.of(nowhere).inTransaction());
        }
    }

    @Test
    void holdsOneConnectionForTheWholeTransaction() {
        db.transaction(() -> {
            assertTrue(core.inTransaction());
            Connection first = core.acquire("first");
            core.release(first);
            assertFalse(first.isClosed(), "released in the middle of the transaction");
            assertEquals(1, pool.getHikariPoolMXBean().getActiveConnections());
            Connection second = core.acquire("second");
            core.release(second);
            assertSame(first, second);
            assertFalse(first.getAutoCommit());
            assertEquals(1, pool.getHikariPoolMXBean().getActiveConnections());
            return null;
        });
        assertFalse(core.inTransaction());
    }

    @Test
    void outsideATransactionEachAcquireBorrowsAnAutocommitConnection() throws SQLException {
        Connection first = core.acquire("first");
        try {
            assertTrue(first.getAutoCommit());
            assertEquals(1, pool.getHikariPoolMXBean().getActiveConnections());
        } finally {
            core.release(first);
        }
        assertTrue(first.isClosed());
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());

        Connection second = core.acquire("second");
        core.release(second);
        assertNotSame(first, second);
    }

    @Test
    void theNextBorrowerGetsAnAutocommitConnectionAtTheDefaultLevel() throws SQLException {
        // One connection, so that the next borrower certainly gets the session the transactions used.
        try (Database single = builderFor(test).maximumPoolSize(1).build()) {
            Core singleCore = Core.of(single);
            int pid = single.transaction(Isolation.SERIALIZABLE, () -> backendPid(singleCore));
            assertThrows(IllegalStateException.class, () -> single.transaction(Isolation.REPEATABLE_READ, () -> {
                throw new IllegalStateException("rolled back");
            }));

            try (Connection next = single.dataSource().getConnection()) {
                assertEquals(pid, backendPid(next));
                assertTrue(next.getAutoCommit());
                assertEquals("read committed", show(next, "transaction_isolation"));
            }
            assertEquals("read committed", single.transaction(() -> show(singleCore, "transaction_isolation")));
        }
    }

    @Test
    void aDefaultTransactionAfterAStricterOneRunsAtTheSessionDefault() throws SQLException {
        // Not every pool resets the isolation level (pgjdbc's own pooled connections reset only autocommit),
        // so the level set for one transaction must not stay on the session for the next.
        try (PooledConnectionDataSource oneSession = new PooledConnectionDataSource(test);
             Database over = Database.of(oneSession)) {
            Core overCore = Core.of(over);
            int pid = over.transaction(Isolation.SERIALIZABLE, () -> backendPid(overCore));

            assertEquals("read committed", over.transaction(() -> show(overCore, "transaction_isolation")));
            try (Connection next = oneSession.getConnection()) {
                assertEquals(pid, backendPid(next));
                assertTrue(next.getAutoCommit());
                assertEquals("read committed", show(next, "transaction_isolation"));
            }
        }
    }

    private static Database.Builder builderFor(TestDatabase test) {
        return Database.builder().url(test.url()).user(test.user()).password(test.password());
    }

    private static SerializationFailureException serializationFailure() {
        return new SerializationFailureException("could not serialize access", "40001", null, null, null);
    }

    private static void observe(String sql) {
        try (Statement stmt = observer.createStatement()) {
            stmt.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("the observing session failed on " + sql, e);
        }
    }

    private static long observedLong(String sql) {
        try {
            return Long.parseLong(queryString(observer, sql));
        } catch (SQLException e) {
            throw new AssertionError("the observing session failed on " + sql, e);
        }
    }

    private static long committedItems() {
        return observedLong("SELECT count(*) FROM items");
    }

    private static void insert(int id, String name) throws SQLException {
        Connection connection = core.acquire("TransactionTest.insert");
        try (PreparedStatement stmt = connection.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)")) {
            stmt.setInt(1, id);
            stmt.setString(2, name);
            stmt.executeUpdate();
        } finally {
            core.release(connection);
        }
    }

    private static void update(String sql) throws SQLException {
        Connection connection = core.acquire("TransactionTest.update");
        try (PreparedStatement stmt = connection.prepareStatement(sql)) {
            stmt.executeUpdate();
        } finally {
            core.release(connection);
        }
    }

    private static String queryString(String sql) throws SQLException {
        return queryString(core, sql);
    }

    private static String show(String setting) throws SQLException {
        return show(core, setting);
    }

    private static String show(Core on, String setting) throws SQLException {
        return queryString(on, "SHOW " + setting);
    }

    private static String queryString(Core on, String sql) throws SQLException {
        Connection connection = on.acquire("TransactionTest.query");
        try {
            return queryString(connection, sql);
        } finally {
            on.release(connection);
        }
    }

    private static int backendPid(Core on) throws SQLException {
        return Integer.parseInt(queryString(on, "SELECT pg_backend_pid()"));
    }

    private static int backendPid(Connection connection) throws SQLException {
        return Integer.parseInt(queryString(connection, "SELECT pg_backend_pid()"));
    }

    private static String show(Connection connection, String setting) throws SQLException {
        return queryString(connection, "SHOW " + setting);
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (PreparedStatement stmt = connection.prepareStatement(sql); ResultSet rs = stmt.executeQuery()) {
            assertTrue(rs.next(), "no row from " + sql);
            return rs.getString(1);
        }
    }
}
