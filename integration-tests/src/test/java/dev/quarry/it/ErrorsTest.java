package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.ForeignKeyViolationException;
import dev.quarry.runtime.NotNullViolationException;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class ErrorsTest {
    private static final String INSERT_MEMBER_SQL =
            "INSERT INTO member (id, team_id, name, email) VALUES (?, ?, ?, ?)";

    private static TestDatabase testDb;
    private static Database db;
    private static Errors repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TABLE team (id int PRIMARY KEY);
                CREATE TABLE member (
                    id int PRIMARY KEY,
                    team_id int NOT NULL REFERENCES team,
                    name text NOT NULL,
                    email text CONSTRAINT member_email_key UNIQUE,
                    age int CONSTRAINT member_age_check CHECK (age >= 0)
                );
                INSERT INTO team VALUES (1);
                """);
        db = Databases.open(database);
        repo = db.repository(Errors.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @AfterEach
    void everyConnectionReturned() throws SQLException {
        assertEquals(0, Databases.activeConnections(db));
    }

    private static List<String> memberEmails() {
        return Jdbc.query(testDb, "SELECT coalesce(email, '-') FROM member ORDER BY id", rs -> rs.getString(1));
    }

    @Test
    void uniqueViolation() {
        assertEquals(1, repo.insertMember(10, 1, "ann", "ann@example.com"));
        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> repo.insertMember(11, 1, "ann again", "ann@example.com"));
        assertEquals("23505", e.sqlState());
        assertEquals("Errors.insertMember", e.method());
        assertEquals(INSERT_MEMBER_SQL, e.sql());
        assertTrue(e.getMessage().startsWith("Errors.insertMember: ERROR: duplicate key value violates unique "
                + "constraint \"member_email_key\""), e.getMessage());
        assertTrue(e.getMessage().endsWith("[SQLSTATE 23505]\n  SQL: " + INSERT_MEMBER_SQL), e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());
        assertEquals(List.of("ann@example.com"), Jdbc.query(testDb,
                "SELECT email FROM member WHERE email = 'ann@example.com'", rs -> rs.getString(1)));
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM member WHERE id = 11"));
    }

    @Test
    void foreignKeyViolation() {
        ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
                () -> repo.insertMember(20, 99, "orphan", "orphan@example.com"));
        assertEquals("23503", e.sqlState());
        assertEquals("Errors.insertMember", e.method());
        assertEquals(INSERT_MEMBER_SQL, e.sql());
        assertTrue(e.getMessage().contains("violates foreign key constraint \"member_team_id_fkey\""), e.getMessage());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM member WHERE id = 20"));
        // the same row is fine once its team exists
        assertEquals(1, repo.insertTeam(99));
        assertEquals(1, repo.insertMember(20, 99, "orphan", "orphan@example.com"));
    }

    @Test
    void notNullViolation() {
        NotNullViolationException e = assertThrows(NotNullViolationException.class,
                () -> repo.insertMember(30, 1, null, "nameless@example.com"));
        assertEquals("23502", e.sqlState());
        assertEquals("Errors.insertMember", e.method());
        assertEquals(INSERT_MEMBER_SQL, e.sql());
        assertTrue(e.getMessage().contains("null value in column \"name\""), e.getMessage());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM member WHERE id = 30"));
    }

    @Test
    void otherConstraintsAreDataExceptionsWithTheirState() {
        repo.insertMember(40, 1, "checked", null);
        DataException e = assertThrows(DataException.class, () -> repo.setAge(40, -1));
        assertEquals(DataException.class, e.getClass());
        assertEquals("23514", e.sqlState());
        assertEquals("Errors.setAge", e.method());
        assertEquals("UPDATE member SET age = ? WHERE id = ?", e.sql());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM member WHERE id = 40 AND age IS NOT NULL"));
    }

    @Test
    void errorsOutsideConstraints() {
        DataException e = assertThrows(DataException.class, () -> repo.divide(0));
        assertEquals("22012", e.sqlState());
        assertEquals("Errors.divide", e.method());
        assertEquals(1, repo.divide(1));
    }

    @Test
    void failedStatementsLeaveEarlierRowsAlone() {
        repo.insertMember(50, 1, "kept", "kept@example.com");
        assertThrows(UniqueViolationException.class, () -> repo.insertMember(50, 1, "dup id", "other@example.com"));
        assertTrue(memberEmails().contains("kept@example.com"));
        assertFalse(memberEmails().contains("other@example.com"));
    }
}
