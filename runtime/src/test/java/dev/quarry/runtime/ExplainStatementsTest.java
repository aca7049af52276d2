package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.internal.Core;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code db.explain(work)} with the kinds of JDBC call generated code and the runtime's helpers
 * make, written out by hand: prepared statements, plain statements, batches, statements EXPLAIN
 * does not take, and transactions opened inside the work.
 */
@PostgresTest
class ExplainStatementsTest {
    private static TestDatabase test;
    private static Database db;
    private static Core core;

    @BeforeAll
    static void open(TestDatabase database) {
        test = database;
        test.execute("CREATE TABLE items (id int PRIMARY KEY, name text)");
        db = Database.builder().url(test.url()).user(test.user()).password(test.password()).maximumPoolSize(2).build();
        core = Core.of(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @AfterEach
    void nothingKeptAndEveryConnectionBack() throws SQLException {
        assertEquals(0, test.queryLong("SELECT count(*) FROM items"));
        assertEquals(0, db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections());
        assertFalse(core.inTransaction());
    }

    /** What generated code does: acquire, prepare, bind, execute, release. */
    private static int insert(int id, String name) throws SQLException {
        Connection connection = core.acquire("Items.insert");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)")) {
            insert.setInt(1, id);
            if (name == null) {
                insert.setNull(2, Types.VARCHAR);
            } else {
                insert.setString(2, name);
            }
            return insert.executeUpdate();
        } finally {
            core.release(connection);
        }
    }

    private static long count(String sql) throws SQLException {
        Connection connection = core.acquire("Items.count");
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } finally {
            core.release(connection);
        }
    }

    private static List<Plan> explain(ThrowingRunnable work) {
        return db.explain(() -> {
            try {
                work.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws SQLException;
    }

    @Test
    void preparedAndPlainStatementsEachGetAPlan() {
        long[] counted = new long[1];
        List<Plan> plans = explain(() -> {
            assertEquals(1, insert(1, null));
            counted[0] = count("SELECT count(*) FROM items WHERE name IS NULL");
        });
        assertEquals(1, counted[0], "the null bound for EXPLAIN did not replace the real one");
        assertEquals(List.of("INSERT INTO items (id, name) VALUES (?, ?)", "SELECT count(*) FROM items WHERE name IS NULL"),
                plans.stream().map(Plan::sql).toList());
        assertTrue(plans.get(0).plan().startsWith("Insert on items"), plans.get(0).plan());
        assertTrue(plans.get(1).plan().contains("Seq Scan on items"), plans.get(1).plan());
    }

    @Test
    void aBatchIsExplainedOnceAndRunsWhole() {
        long[] counted = new long[1];
        List<Plan> plans = explain(() -> {
            Connection connection = core.acquire("Items.batch");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)")) {
                for (int id = 1; id <= 3; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "item " + id);
                    insert.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, insert.executeBatch());
            } finally {
                core.release(connection);
            }
            counted[0] = count("SELECT count(*) FROM items");
        });
        assertEquals(3, counted[0]);
        assertEquals(2, plans.size(), plans::toString);
        assertEquals("INSERT INTO items (id, name) VALUES (?, ?)", plans.get(0).sql());
        assertTrue(plans.get(0).plan().contains("rows=1 loops=1"), plans.get(0).plan());
    }

    @Test
    void aStatementExplainDoesNotTakeRunsWithoutAPlan() {
        List<Plan> plans = explain(() -> {
            Connection connection = core.acquire("Items.ddl");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE scratch (id int) ON COMMIT DROP");
            } finally {
                core.release(connection);
            }
            assertEquals(0, count("SELECT count(*) FROM scratch"));
        });
        assertEquals(List.of("SELECT count(*) FROM scratch"), plans.stream().map(Plan::sql).toList());
    }

    @Test
    void transactionsInsideTheWorkJoinItAtAnyLevelAndAreRolledBack() {
        List<Plan> plans = explain(() -> db.transaction(Isolation.SERIALIZABLE, 3, () -> insert(7, "joined")));
        assertEquals(1, plans.size());
        assertEquals(0, test.queryLong("SELECT count(*) FROM items WHERE id = 7"));
    }

    @Test
    void theWorksConnectionAnswersForItself() {
        explain(() -> {
            Connection connection = core.acquire("Items.identity");
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
                assertSame(connection, statement.getConnection());
                assertEquals(connection, connection);
                assertEquals(System.identityHashCode(connection), connection.hashCode());
                assertNotNull(connection.unwrap(org.postgresql.PGConnection.class));
            } finally {
                core.release(connection);
            }
        });
    }
}
