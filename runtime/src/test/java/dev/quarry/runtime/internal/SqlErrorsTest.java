package dev.quarry.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.ForeignKeyViolationException;
import dev.quarry.runtime.NotNullViolationException;
import dev.quarry.runtime.SerializationFailureException;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PostgresTest
class SqlErrorsTest {
    private static final String METHOD = "AccountRepository.save";

    private static TestDatabase test;
    /** Autocommit, so that a failed statement leaves it usable for the next one. */
    private static Connection connection;

    @BeforeAll
    static void schema(TestDatabase database) throws SQLException {
        test = database;
        test.execute("CREATE TABLE owners (id int PRIMARY KEY);"
                + "CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL UNIQUE,"
                + "  owner_id int REFERENCES owners, balance int CHECK (balance >= 0))");
        connection = test.dataSource().getConnection();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @BeforeEach
    void rows() throws SQLException {
        try (Statement stmt = connection.createStatement()) {
            stmt.execute("DELETE FROM accounts; DELETE FROM owners; INSERT INTO owners VALUES (1);"
                    + "INSERT INTO accounts VALUES (1, 'ann@example.com', 1, 10)");
        }
    }

    @Test
    void aUniqueViolation() {
        String sql = "INSERT INTO accounts (id, email) VALUES (2, 'ann@example.com')";
        SQLException cause = failure(sql);

        DataException e = SqlErrors.translate(cause, METHOD, sql);

        assertEquals(UniqueViolationException.class, e.getClass());
        assertTranslated(e, cause, "23505", sql);
        assertTrue(e.getMessage().contains("duplicate key value violates unique constraint \"accounts_email_key\""),
                e.getMessage());
    }

    @Test
    void aPrimaryKeyViolationIsAUniqueViolationToo() {
        String sql = "INSERT INTO accounts (id, email) VALUES (1, 'bob@example.com')";
        SQLException cause = failure(sql);

        DataException e = SqlErrors.translate(cause, METHOD, sql);

        assertEquals(UniqueViolationException.class, e.getClass());
        assertTranslated(e, cause, "23505", sql);
    }

    @Test
    void aForeignKeyViolation() {
        String sql = "INSERT INTO accounts (id, email, owner_id) VALUES (2, 'bob@example.com', 99)";
        SQLException cause = failure(sql);

        DataException e = SqlErrors.translate(cause, METHOD, sql);

        assertEquals(ForeignKeyViolationException.class, e.getClass());
        assertTranslated(e, cause, "23503", sql);
        assertTrue(e.getMessage().contains("accounts_owner_id_fkey"), e.getMessage());
    }

    @Test
    void aNotNullViolation() {
        String sql = "INSERT INTO accounts (id, email) VALUES (2, NULL)";
        SQLException cause = failure(sql);

        DataException e = SqlErrors.translate(cause, METHOD, sql);

        assertEquals(NotNullViolationException.class, e.getClass());
        assertTranslated(e, cause, "23502", sql);
        assertTrue(e.getMessage().contains("null value in column \"email\""), e.getMessage());
    }

    @Test
    void aSyntaxErrorIsAPlainDataException() {
        String sql = "SELEC id FROM accounts";
        SQLException cause = failure(sql);

        DataException e = SqlErrors.translate(cause, METHOD, sql);

        assertEquals(DataException.class, e.getClass());
        assertTranslated(e, cause, "42601", sql);
        assertTrue(e.getMessage().contains("syntax error at or near \"SELEC\""), e.getMessage());
    }

    @Test
    void aCheckViolationIsAPlainDataException() {
        String sql = "UPDATE accounts SET balance = -1 WHERE id = 1";
        SQLException cause = failure(sql);

        DataException e = SqlErrors.translate(cause, METHOD, sql);

        assertEquals(DataException.class, e.getClass());
        assertTranslated(e, cause, "23514", sql);
    }

    @Test
    void aFailedBatchKeepsTheSqlStateOfTheFailingRow() throws SQLException {
        String sql = "INSERT INTO accounts (id, email) VALUES (?, ?)";
        BatchUpdateException cause;
        try (PreparedStatement stmt = connection.prepareStatement(sql)) {
            stmt.setInt(1, 2);
            stmt.setString(2, "bob@example.com");
            stmt.addBatch();
            stmt.setInt(1, 3);
            stmt.setString(2, "ann@example.com");
            stmt.addBatch();
            cause = assertThrows(BatchUpdateException.class, stmt::executeBatch);
        }

        DataException e = SqlErrors.translate(cause, METHOD, sql);

        assertEquals(UniqueViolationException.class, e.getClass());
        assertTranslated(e, cause, "23505", sql);
    }

    @Test
    void aRealSerializationFailure() throws SQLException {
        String sql = "UPDATE accounts SET balance = balance + 1 WHERE id = 1";
        SQLException cause;
        try (Connection mine = test.dataSource().getConnection()) {
            mine.setAutoCommit(false);
            mine.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement stmt = mine.createStatement(); ResultSet rs = stmt.executeQuery("SELECT balance FROM accounts")) {
                assertTrue(rs.next());
            }
            try (Statement stmt = connection.createStatement()) {
                stmt.executeUpdate("UPDATE accounts SET balance = 20 WHERE id = 1");
            }
            try (Statement stmt = mine.createStatement()) {
                cause = assertThrows(SQLException.class, () -> stmt.executeUpdate(sql));
            }
            mine.rollback();
        }

        DataException e = SqlErrors.translate(cause, METHOD, sql);

        assertEquals(SerializationFailureException.class, e.getClass());
        assertTranslated(e, cause, "40001", sql);
        assertTrue(SqlErrors.isRetryable(e));
    }

    @Test
    void aDeadlockIsASerializationFailure() {
        // Two sessions deadlocking take deadlock_timeout (a second) to be detected; the driver's exception is all that matters.
        SQLException cause = new SQLException("ERROR: deadlock detected", "40P01");

        DataException e = SqlErrors.translate(cause, METHOD, "UPDATE accounts SET balance = 0");

        assertEquals(SerializationFailureException.class, e.getClass());
        assertTranslated(e, cause, "40P01", "UPDATE accounts SET balance = 0");
    }

    @Test
    void withoutMethodAndSqlTheMessageIsTheDriversWithItsState() {
        SQLException cause = new SQLException("ERROR: could not serialize access", "40001");

        DataException e = SqlErrors.translate(cause, null, null);

        assertEquals(SerializationFailureException.class, e.getClass());
        assertEquals("ERROR: could not serialize access [SQLSTATE 40001]", e.getMessage());
        assertNull(e.method());
        assertNull(e.sql());
        assertEquals("40001", e.sqlState());
    }

    @Test
    void aFailureWithoutStateIsAPlainDataException() {
        SQLException cause = new SQLException("the connection attempt failed");

        DataException e = SqlErrors.translate(cause, METHOD, "SELECT 1");

        assertEquals(DataException.class, e.getClass());
        assertNull(e.sqlState());
        assertEquals(METHOD + ": the connection attempt failed\n  SQL: SELECT 1", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void findsRetryableFailuresTwoCausesDeep() {
        assertTrue(SqlErrors.isRetryable(twoDeep(new SQLException("serialization", "40001"))));
        assertTrue(SqlErrors.isRetryable(twoDeep(new SQLException("deadlock", "40P01"))));
        assertTrue(SqlErrors.isRetryable(twoDeep(
                new SerializationFailureException("conflict", "40001", null, null, null))));
    }

    @Test
    void otherFailuresAreNotRetryable() {
        assertFalse(SqlErrors.isRetryable(twoDeep(new SQLException("duplicate", "23505"))));
        assertFalse(SqlErrors.isRetryable(twoDeep(new SQLException("no state"))));
        assertFalse(SqlErrors.isRetryable(new UniqueViolationException("duplicate", "23505", null, null, null)));
        assertFalse(SqlErrors.isRetryable(new IllegalStateException()));
        assertFalse(SqlErrors.isRetryable(null));
    }

    private static Exception twoDeep(Throwable root) {
        return new IllegalStateException("outer", new RuntimeException("middle", root));
    }

    private static void assertTranslated(DataException e, SQLException cause, String state, String sql) {
        assertEquals(state, cause.getSQLState(), "PostgreSQL reported another state");
        assertEquals(state, e.sqlState());
        assertEquals(sql, e.sql());
        assertEquals(METHOD, e.method());
        assertSame(cause, e.getCause());
        assertEquals(METHOD + ": " + cause.getMessage() + " [SQLSTATE " + state + "]\n  SQL: " + sql, e.getMessage());
    }

    /** Runs {@code sql} in autocommit mode and returns how PostgreSQL rejected it. */
    private static SQLException failure(String sql) {
        try (Statement stmt = connection.createStatement()) {
            return assertThrows(SQLException.class, () -> stmt.execute(sql));
        } catch (SQLException e) {
            throw new AssertionError("could not run " + sql, e);
        }
    }
}
