package dev.quarry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uses PostgresServer directly, as code without JUnit extensions would. */
class PostgresServerTest {

    private final PostgresServer server = PostgresServer.shared();
    private final List<TestDatabase> created = new ArrayList<>();

    @AfterEach
    void dropCreated() {
        created.forEach(server::dropDatabase);
    }

    private TestDatabase create(String prefix) {
        TestDatabase db = server.createDatabase(prefix);
        created.add(db);
        return db;
    }

    @Test
    void sharedIsOneInstance() {
        assertSame(server, PostgresServer.shared());
    }

    @Test
    void namesAreSanitizedAndUnique() {
        TestDatabase weird = create("My-Test Class$Inner!");
        assertTrue(weird.name().matches("my_test_class_inner__\\d+_[a-z0-9]{4}"), weird.name());

        TestDatabase digits = create("42things");
        assertTrue(digits.name().startsWith("db_42things_"), digits.name());

        TestDatabase longOne = create("x".repeat(100));
        assertTrue(longOne.name().startsWith("x".repeat(40) + "_"), longOne.name());
        assertTrue(longOne.name().length() <= 63, "PostgreSQL truncates identifiers beyond 63 bytes");

        assertNotEquals(create("same").name(), create("same").name());
        for (TestDatabase db : created) {
            assertEquals(db.name(), Jdbc.queryString(db.dataSource(), "select current_database()"));
        }
    }

    @Test
    void dropDatabaseRemovesItEvenWithOpenConnections() throws SQLException {
        TestDatabase db = server.createDatabase("drop_me");
        TestDatabase observer = create("observer");
        assertEquals(1, Jdbc.databasesNamed(observer, db.name()));

        try (Connection open = db.dataSource().getConnection()) {
            server.dropDatabase(db);
            assertThrows(SQLException.class, () -> {
                try (Statement statement = open.createStatement()) {
                    statement.execute("select 1");
                }
            }, "the open session should have been terminated");
        }
        assertEquals(0, Jdbc.databasesNamed(observer, db.name()));
        server.dropDatabase(db); // already gone: no error
    }

    @Test
    void urlsPointAtTheServer() {
        TestDatabase db = create("urls");
        assertEquals(server.jdbcUrl(db.name()), db.url());
        assertTrue(db.url().startsWith("jdbc:postgresql://") && db.url().contains("/" + db.name()), db.url());
        assertEquals(server.user(), db.user());
        assertEquals(server.password(), db.password());
    }

    @Test
    void externalUrlKeepsHostsAndParameters() {
        PostgresServer external = PostgresServer.external(
                "jdbc:postgresql://db1:5432,db2:5433/admin?sslmode=disable&connectTimeout=5", "app", "secret");
        assertEquals("jdbc:postgresql://db1:5432,db2:5433/other?sslmode=disable&connectTimeout=5", external.jdbcUrl("other"));
        assertEquals("app", external.user());
        assertEquals("secret", external.password());
        assertEquals("jdbc:postgresql://db1/x", PostgresServer.external("jdbc:postgresql://db1", "u", "").jdbcUrl("x"));
        assertThrows(IllegalArgumentException.class, () -> PostgresServer.external("jdbc:mysql://db1/x", "u", ""));
    }

    @Test
    void externalModeWorksAgainstARealServer() {
        // Point "external" mode at the shared server, as QUARRY_TEST_URL would.
        PostgresServer external = PostgresServer.external(server.jdbcUrl("postgres"), server.user(), server.password());
        TestDatabase db = external.createDatabase("external");
        db.execute("create table t (id int); insert into t values (1)");
        assertEquals(1, db.queryLong("select count(*) from t"));
        external.dropDatabase(db);
        TestDatabase observer = create("observer");
        assertEquals(0, Jdbc.databasesNamed(observer, db.name()));
    }
}
