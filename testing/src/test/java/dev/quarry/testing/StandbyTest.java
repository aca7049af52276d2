package dev.quarry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real hot standby of the shared embedded server: it replays, lags when paused, refuses writes, and leaves nothing behind. */
@PostgresTest
class StandbyTest {
    private static Standby standby;

    @BeforeAll
    static void start(TestDatabase db) {
        assumeTrue(PostgresServer.shared().isEmbedded(), "a standby needs the embedded server, not QUARRY_TEST_URL's");
        db.execute("create table t (id int primary key); insert into t values (1)");
        standby = PostgresServer.shared().standby(Map.of("max_standby_streaming_delay", "100ms"));
    }

    @AfterAll
    static void stop() {
        if (standby != null) {
            standby.close();
        }
    }

    @Test
    void replaysWhatThePrimaryCommits(TestDatabase db) {
        DataSource replica = standby.dataSource(db.name());
        assertEquals("t", Jdbc.queryString(replica, "select pg_is_in_recovery()"));
        assertEquals("100ms", Jdbc.queryString(replica, "show max_standby_streaming_delay"));
        standby.awaitCatchUp(Duration.ofSeconds(10));
        assertEquals("1", Jdbc.queryString(replica, "select count(*) from t"));
        db.execute("insert into t values (2)");
        standby.awaitCatchUp(Duration.ofSeconds(10));
        assertEquals("2", Jdbc.queryString(replica, "select count(*) from t"));
    }

    @Test
    void refusesWrites(TestDatabase db) throws SQLException {
        try (Connection connection = standby.dataSource(db.name()).getConnection();
             Statement statement = connection.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> statement.execute("insert into t values (99)"));
            assertEquals("25006", e.getSQLState());
        }
    }

    @Test
    void lagsWhileReplayIsPaused(TestDatabase db) {
        DataSource replica = standby.dataSource(db.name());
        standby.awaitCatchUp(Duration.ofSeconds(10));
        standby.pauseReplay();
        try {
            db.execute("insert into t values (3)");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> standby.awaitCatchUp(Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("replay is paused"), e.getMessage());
            assertEquals("0", Jdbc.queryString(replica, "select count(*) from t where id = 3"));
        } finally {
            standby.resumeReplay();
        }
        standby.awaitCatchUp(Duration.ofSeconds(10));
        assertEquals("1", Jdbc.queryString(replica, "select count(*) from t where id = 3"));
    }

    @Test
    void aSeparatePrimaryCanBeStoppedAndItsStandbyPromoted() throws IOException {
        PostgresServer primary = PostgresServer.startSeparate();
        Path directory;
        int port;
        try (Standby own = primary.standby()) {
            TestDatabase db = primary.createDatabase("failover");
            db.execute("create table t (id int); insert into t values (1)");
            own.awaitCatchUp(Duration.ofSeconds(10));
            port = own.port();
            directory = dataDirectory(own);
            primary.stop();
            assertFalse(primary.isEmbedded());
            IllegalStateException stopped = assertThrows(IllegalStateException.class, primary::standby);
            assertTrue(stopped.getMessage().endsWith("it is stopped"), stopped.getMessage());
            own.promote();
            DataSource promoted = own.dataSource(db.name());
            assertEquals("f", Jdbc.queryString(promoted, "select pg_is_in_recovery()"));
            assertEquals("1", Jdbc.queryString(promoted, "insert into t values (2) returning 1"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> own.awaitCatchUp(Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("promoted"), e.getMessage());
        } finally {
            primary.stop();
        }
        assertFalse(Files.exists(directory), "the standby's data directory was left behind: " + directory);
        assertThrows(SQLException.class, () -> {
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://localhost:" + port
                    + "/postgres?connectTimeout=2", "postgres", "")) {
                // reached only if a server still listens
            }
        }, "a postgres process still listens on the standby's port");
    }

    @Test
    void aStandbyThatCannotStartLeavesNoSlotDirectoryOrProcess(TestDatabase db) throws IOException {
        long slots = db.queryLong("select count(*) from pg_replication_slots");
        long directories = standbyDirectories();
        // hot standby refuses to run with fewer connections than the primary's 300
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresServer.shared().standby(Map.of("max_connections", "20")));
        assertTrue(e.getMessage().startsWith("Could not start a standby of PostgresServer[localhost:"), e.getMessage());
        // the server's own words, from its log
        assertTrue(e.getMessage().contains("max_connections = 20 is a lower setting than on the primary server"),
                e.getMessage());
        assertEquals(slots, db.queryLong("select count(*) from pg_replication_slots"));
        assertEquals(directories, standbyDirectories());
    }

    private static long standbyDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("quarry-standby-")).count();
        }
    }

    @Test
    void anExternalServerHasNoStandby() {
        PostgresServer external = PostgresServer.external("jdbc:postgresql://localhost:1/postgres", "postgres", "");
        assertFalse(external.isEmbedded());
        IllegalStateException e = assertThrows(IllegalStateException.class, external::standby);
        assertTrue(e.getMessage().contains("it is an external server (QUARRY_TEST_URL)"), e.getMessage());
        assertThrows(IllegalStateException.class, external::port);
    }

    private static Path dataDirectory(Standby standby) {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("quarry-standby-")
                            && readPid(dir.resolve("data")).contains(Integer.toString(standby.port())))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String readPid(Path dir) {
        try {
            return Files.readString(dir.resolve("postmaster.pid"));
        } catch (IOException e) {
            return "";
        }
    }
}
