package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@PostgresTest
class DatabaseBuilderTest {

    @Test
    void rejectsAUrlThatIsNotPostgresJdbc() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.builder().url("jdbc:mysql://localhost/shop"));
        assertEquals("url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), was jdbc:mysql://localhost/shop",
                e.getMessage());
    }

    @Test
    void rejectsANullUrlByName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Database.builder().url(null));
        assertEquals("url", e.getMessage());
    }

    @Test
    void rejectsAnEmptyPool() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.builder().maximumPoolSize(0));
        assertEquals("maximumPoolSize must be at least 1, was 0", e.getMessage());
    }

    @Test
    void rejectsNegativeMinimumIdle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.builder().minimumIdle(-1));
        assertEquals("minimumIdle must be at least 0, was -1", e.getMessage());
    }

    @Test
    void rejectsAConnectionTimeoutHikariWouldNotAccept() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.builder().connectionTimeout(Duration.ofMillis(100)));
        assertEquals("connectionTimeout must be between 250 ms and 1 day, was PT0.1S", e.getMessage());
    }

    @Test
    void rejectsANullConnectionTimeoutByName() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Database.builder().connectionTimeout(null));
        assertEquals("connectionTimeout", e.getMessage());
    }

    @Test
    void aServerThatCannotBeReachedFailsTheBuildSayingWhy() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + port + "/shop";
        DataException e = assertThrows(DataException.class,
                () -> Database.builder().url(url).user("shop").connectionTimeout(Duration.ofSeconds(1)).build());
        assertTrue(e.getMessage().startsWith("cannot open pool 'quarry' on " + url + ": Connection to localhost:" + port
                + " refused"), e.getMessage());
        assertEquals("08001", e.sqlState());
    }

    @Test
    void aWrongPasswordFailsTheBuildWithTheServersAnswer(TestDatabase test) {
        DataException e = assertThrows(DataException.class, () -> Database.builder().url(test.url()).user("nobody")
                .password("wrong").build());
        assertEquals("28000", e.sqlState().substring(0, 2) + "000");
        assertTrue(e.getMessage().startsWith("cannot open pool 'quarry' on " + test.url() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("\"nobody\""), e.getMessage());
    }

    @Test
    void acceptsTheSmallestConnectionTimeout(TestDatabase test) {
        try (Database db = builderFor(test).connectionTimeout(Duration.ofMillis(250)).maximumPoolSize(1).build()) {
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, db.dataSource());
            assertEquals(250, pool.getConnectionTimeout());
        }
    }

    @Test
    void rejectsMoreIdleConnectionsThanThePoolHoldsWhenBuilding(TestDatabase test) {
        // Either order of the two setters must be accepted; only the combination is checked, at build().
        Database.Builder builder = builderFor(test).minimumIdle(5).maximumPoolSize(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("minimumIdle (5) must not exceed maximumPoolSize (2)", e.getMessage());
    }

    @Test
    void rejectsMinimumIdleAboveTheDefaultPoolSize(TestDatabase test) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builderFor(test).minimumIdle(11).build());
        assertEquals("minimumIdle (11) must not exceed maximumPoolSize (10)", e.getMessage());
    }

    @Test
    void requiresAUrl() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Database.builder().user("postgres").build());
        assertEquals("url is required", e.getMessage());
    }

    @Test
    void passesTheSettingsToThePool(TestDatabase test) {
        try (Database db = builderFor(test).maximumPoolSize(3).minimumIdle(1).connectionTimeout(Duration.ofSeconds(2))
                .build()) {
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, db.dataSource());
            assertEquals(test.url(), pool.getJdbcUrl());
            assertEquals(test.user(), pool.getUsername());
            assertEquals(3, pool.getMaximumPoolSize());
            assertEquals(1, pool.getMinimumIdle());
            assertEquals(2000, pool.getConnectionTimeout());
        }
    }

    @Test
    void keepsAsManyIdleConnectionsAsThePoolHoldsByDefault(TestDatabase test) {
        try (Database db = builderFor(test).maximumPoolSize(2).build()) {
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, db.dataSource());
            assertEquals(2, pool.getMinimumIdle());
        }
    }

    @Test
    void aBuiltDatabaseRunsQueries(TestDatabase test) throws SQLException {
        try (Database db = builderFor(test).maximumPoolSize(1).build()) {
            assertEquals(test.name(), currentDatabase(db.dataSource()));
        }
    }

    @Test
    void closeShutsThePoolItBuilt(TestDatabase test) throws SQLException {
        Database db = builderFor(test).maximumPoolSize(1).build();
        DataSource pool = db.dataSource();
        assertEquals(test.name(), currentDatabase(pool));

        db.close();

        assertTrue(assertInstanceOf(HikariDataSource.class, pool).isClosed());
        SQLException e = assertThrows(SQLException.class, pool::getConnection);
        assertTrue(e.getMessage().contains("has been closed"), e.getMessage());
    }

    @Test
    void closeLeavesTheCallersDataSourceOpen(TestDatabase test) throws SQLException {
        try (HikariDataSource callers = new HikariDataSource()) {
            callers.setJdbcUrl(test.url());
            callers.setUsername(test.user());
            callers.setPassword(test.password());
            callers.setMaximumPoolSize(1);

            Database db = Database.of(callers);
            assertEquals(test.name(), currentDatabase(db.dataSource()));
            db.close();

            assertFalse(callers.isClosed(), "the caller's pool was closed");
            assertEquals(test.name(), currentDatabase(callers));
        }
    }

    @Test
    void ofRejectsANullDataSourceByName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Database.of(null));
        assertEquals("dataSource", e.getMessage());
    }

    @Test
    void ofHandsOutTheGivenDataSource(TestDatabase test) {
        DataSource ds = test.dataSource();
        try (Database db = Database.of(ds)) {
            assertSame(ds, db.dataSource());
        }
    }

    private static Database.Builder builderFor(TestDatabase test) {
        return Database.builder().url(test.url()).user(test.user()).password(test.password());
    }

    private static String currentDatabase(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
