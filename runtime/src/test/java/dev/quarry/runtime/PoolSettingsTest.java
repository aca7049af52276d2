package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.PGConnection;

/** The pool settings of {@link Database.Builder}: checked with messages naming them, and in effect on the server. */
@PostgresTest
class PoolSettingsTest {

    private static IllegalArgumentException rejected(Function<Database.Builder, Database.Builder> setting) {
        return assertThrows(IllegalArgumentException.class, () -> setting.apply(Database.builder()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PT9.999S | idleTimeout must be zero (keep idle connections) or between 10 s and 30 days, was PT9.999S",
        "PT-1S    | idleTimeout must be zero (keep idle connections) or between 10 s and 30 days, was PT-1S",
        "P31D     | idleTimeout must be zero (keep idle connections) or between 10 s and 30 days, was PT744H",
    })
    void rejectsAnIdleTimeoutOutOfRange(String value, String message) {
        assertEquals(message, rejected(b -> b.idleTimeout(Duration.parse(value))).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PT29S | maxLifetime must be zero (no limit) or between 30 s and 30 days, was PT29S",
        "PT-1M | maxLifetime must be zero (no limit) or between 30 s and 30 days, was PT-1M",
    })
    void rejectsAMaxLifetimeOutOfRange(String value, String message) {
        assertEquals(message, rejected(b -> b.maxLifetime(Duration.parse(value))).getMessage());
    }

    @Test
    void rejectsALeakDetectionThresholdHikariWouldSwitchOff() {
        assertEquals("leakDetectionThreshold must be zero (off) or between 2 s and 30 days, was PT1.5S",
                rejected(b -> b.leakDetectionThreshold(Duration.ofMillis(1500))).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PT-0.001S    | statementTimeout must be zero (the server's setting) or between 1 ms and 2147483647 ms, was PT-0.001S",
        "PT0.0005S    | statementTimeout must be zero (the server's setting) or between 1 ms and 2147483647 ms, was PT0.0005S",
        "PT2147483.648S | statementTimeout must be zero (the server's setting) or between 1 ms and 2147483647 ms, was PT596H31M23.648S",
    })
    void rejectsAStatementTimeoutPostgresCannotTake(String value, String message) {
        assertEquals(message, rejected(b -> b.statementTimeout(Duration.parse(value))).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''",
        "café",
        "tab\there",
        "a-name-that-is-one-character-longer-than-postgres-keeps-in-full-",
    })
    void rejectsAnApplicationNamePostgresWouldMangle(String name) {
        assertEquals("applicationName must be 1 to 63 printable ASCII characters (PostgreSQL cuts longer names and "
                + "replaces other characters with '?'), was \"" + name + "\"",
                rejected(b -> b.applicationName(name)).getMessage());
    }

    @Test
    void rejectsNullsByTheSettingsName() {
        assertEquals("idleTimeout", assertThrows(NullPointerException.class,
                () -> Database.builder().idleTimeout(null)).getMessage());
        assertEquals("maxLifetime", assertThrows(NullPointerException.class,
                () -> Database.builder().maxLifetime(null)).getMessage());
        assertEquals("leakDetectionThreshold", assertThrows(NullPointerException.class,
                () -> Database.builder().leakDetectionThreshold(null)).getMessage());
        assertEquals("statementTimeout", assertThrows(NullPointerException.class,
                () -> Database.builder().statementTimeout(null)).getMessage());
        assertEquals("applicationName", assertThrows(NullPointerException.class,
                () -> Database.builder().applicationName(null)).getMessage());
        assertEquals("replica", assertThrows(NullPointerException.class,
                () -> Database.builder().replica((DataSource) null)).getMessage());
        assertEquals("replica user", assertThrows(NullPointerException.class,
                () -> Database.builder().replica("jdbc:postgresql://localhost/replica", null, "")).getMessage());
    }

    @Test
    void rejectsAReplicaUrlThatIsNotPostgresJdbc() {
        assertEquals("replica url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), was "
                + "jdbc:mysql://replica/shop", rejected(b -> b.replica("jdbc:mysql://replica/shop", "u", "p")).getMessage());
    }

    @Test
    void rejectsAnIdleTimeoutThatIsNotShorterThanTheLifetime(TestDatabase test) {
        Database.Builder builder = builderFor(test).idleTimeout(Duration.ofMinutes(10)).maxLifetime(Duration.ofMinutes(10));
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("idleTimeout (PT10M) must be at least 1 s shorter than maxLifetime (PT10M)", e.getMessage());
        // against HikariCP's default lifetime of 30 minutes, too
        e = assertThrows(IllegalStateException.class, builderFor(test).idleTimeout(Duration.ofMinutes(30))::build);
        assertEquals("idleTimeout (PT30M) must be at least 1 s shorter than maxLifetime (PT30M)", e.getMessage());
    }

    @Test
    void rejectsALeakThresholdLongerThanTheLifetime(TestDatabase test) {
        Database.Builder builder = builderFor(test).leakDetectionThreshold(Duration.ofMinutes(2))
                .maxLifetime(Duration.ofMinutes(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("leakDetectionThreshold (PT2M) must not exceed maxLifetime (PT1M): the pool retires a connection "
                + "before it could report it", e.getMessage());
    }

    @Test
    void zeroMeansOffOrNoLimit(TestDatabase test) {
        try (Database db = builderFor(test).maximumPoolSize(1).idleTimeout(Duration.ZERO).maxLifetime(Duration.ZERO)
                .leakDetectionThreshold(Duration.ZERO).statementTimeout(Duration.ZERO).build()) {
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, db.dataSource());
            assertEquals(0, pool.getIdleTimeout());
            assertEquals(0, pool.getMaxLifetime());
            assertEquals(0, pool.getLeakDetectionThreshold());
            assertNull(pool.getConnectionInitSql());
            assertEquals("0", setting(db.dataSource(), "statement_timeout"));
        }
    }

    @Test
    void passesTheSettingsToThePool(TestDatabase test) {
        try (Database db = builderFor(test).maximumPoolSize(3).minimumIdle(1).connectionTimeout(Duration.ofSeconds(2))
                .idleTimeout(Duration.ofSeconds(45)).maxLifetime(Duration.ofMinutes(20))
                .leakDetectionThreshold(Duration.ofSeconds(90)).build()) {
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, db.dataSource());
            assertEquals(3, pool.getMaximumPoolSize());
            assertEquals(1, pool.getMinimumIdle());
            assertEquals(2_000, pool.getConnectionTimeout());
            assertEquals(45_000, pool.getIdleTimeout());
            assertEquals(1_200_000, pool.getMaxLifetime());
            assertEquals(90_000, pool.getLeakDetectionThreshold());
        }
    }

    @Test
    void keepsHikariDefaultsWhenNotSet(TestDatabase test) {
        try (Database db = builderFor(test).maximumPoolSize(1).build()) {
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, db.dataSource());
            assertEquals(600_000, pool.getIdleTimeout());
            assertEquals(1_800_000, pool.getMaxLifetime());
            assertEquals(0, pool.getLeakDetectionThreshold());
        }
    }

    @Test
    void theStatementTimeoutIsTheServersOnEveryConnection(TestDatabase test) throws SQLException {
        try (Database db = builderFor(test).maximumPoolSize(2).statementTimeout(Duration.ofMillis(300)).build()) {
            assertEquals("300ms", setting(db.dataSource(), "statement_timeout"));
            try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                long start = System.nanoTime();
                SQLException e = assertThrows(SQLException.class, () -> statement.execute("SELECT pg_sleep(5)"));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals("57014", e.getSQLState());
                assertEquals("ERROR: canceling statement due to statement timeout", e.getMessage());
                assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
            }
        }
    }

    @Test
    void theApplicationNameIsReportedByEveryConnection(TestDatabase test) {
        try (Database db = builderFor(test).maximumPoolSize(1).applicationName("quarry-settings").build()) {
            assertEquals("quarry-settings", setting(db.dataSource(), "application_name"));
            assertEquals(1, test.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND application_name = 'quarry-settings'"));
        }
    }

    @Test
    void pgbouncerModeTurnsOffServerSidePreparedStatements(TestDatabase test) throws SQLException {
        try (Database bounced = builderFor(test).maximumPoolSize(1).pgbouncerTransactionMode(true).build();
             Connection connection = bounced.dataSource().getConnection()) {
            assertEquals(0, connection.unwrap(PGConnection.class).getPrepareThreshold());
        }
        try (Database direct = builderFor(test).maximumPoolSize(1).build();
             Connection connection = direct.dataSource().getConnection()) {
            assertEquals(5, connection.unwrap(PGConnection.class).getPrepareThreshold());
        }
    }

    @Test
    void pgbouncerModeRefusesSessionSettings(TestDatabase test) {
        Database.Builder builder = builderFor(test).pgbouncerTransactionMode(true).statementTimeout(Duration.ofSeconds(5));
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("statementTimeout cannot be used with pgbouncerTransactionMode: it is a session setting and "
                + "PgBouncer runs each transaction on whichever server session is free; set it for the role instead "
                + "(ALTER ROLE ... SET statement_timeout = ...)", e.getMessage());

        builder = Database.builder().url(test.url() + "?prepareThreshold=5").pgbouncerTransactionMode(true);
        e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("pgbouncerTransactionMode sets prepareThreshold=0 itself; remove prepareThreshold from the url, "
                + "where it would take precedence", e.getMessage());
    }

    @Test
    void aReplicaPoolGetsThePrimarysSettings(TestDatabase test) {
        try (Database db = builderFor(test).maximumPoolSize(2).minimumIdle(1).statementTimeout(Duration.ofSeconds(7))
                .applicationName("quarry-replica-settings").idleTimeout(Duration.ofSeconds(20))
                .replica(test.url(), test.user(), test.password()).build()) {
            HikariDataSource replica = assertInstanceOf(HikariDataSource.class, db.replicaDataSource().orElseThrow());
            assertEquals(2, replica.getMaximumPoolSize());
            assertEquals(1, replica.getMinimumIdle());
            assertEquals(20_000, replica.getIdleTimeout());
            assertEquals("7s", setting(replica, "statement_timeout"));
            assertEquals("quarry-replica-settings", setting(replica, "application_name"));
        }
    }

    @Test
    void closeClosesBothPoolsItBuilt(TestDatabase test) {
        Database db = builderFor(test).maximumPoolSize(1).replica(test.url(), test.user(), test.password()).build();
        HikariDataSource primary = assertInstanceOf(HikariDataSource.class, db.dataSource());
        HikariDataSource replica = assertInstanceOf(HikariDataSource.class, db.replicaDataSource().orElseThrow());
        db.close();
        assertTrue(primary.isClosed());
        assertTrue(replica.isClosed());
    }

    private static Database.Builder builderFor(TestDatabase test) {
        return Database.builder().url(test.url()).user(test.user()).password(test.password());
    }

    private static String setting(DataSource dataSource, String name) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            assertTrue(rows.next());
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
