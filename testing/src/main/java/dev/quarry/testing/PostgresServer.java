package dev.quarry.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that tests run against: one per JVM, shared by every test class.
 *
 * <p>By default an embedded PostgreSQL 17 is started on first use of {@link #shared()} and stopped by a
 * JVM shutdown hook. If the environment variable {@code QUARRY_TEST_URL} is set (for example
 * {@code jdbc:postgresql://localhost:5432/postgres}), that server is used instead and nothing is started;
 * {@code QUARRY_TEST_USER} and {@code QUARRY_TEST_PASSWORD} default to {@code postgres} and the empty string.
 * The database in that URL is only used to issue {@code CREATE/DROP DATABASE}.
 *
 * <p>Works without JUnit:
 * <pre>{@code
 * TestDatabase db = PostgresServer.shared().createDatabase("demo");
 * db.execute("create table t (id int); insert into t values (1)");
 * long rows = db.queryLong("select count(*) from t");
 * PostgresServer.shared().dropDatabase(db);
 * }</pre>
 *
 * <p>All methods are thread-safe.
 */
public final class PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final int MAX_PREFIX_LENGTH = 40;
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** SQLSTATE object_in_use: a client reconnected between terminate and drop. */
    private static final String OBJECT_IN_USE = "55006";

    private static final Object LOCK = new Object();
    private static volatile PostgresServer shared;
    // Remembered so that a suite of many test classes fails fast instead of retrying a slow start each time.
    private static RuntimeException startFailure;

    private final String hosts;
    private final String urlParameters;
    private final String adminDatabase;
    private final String user;
    private final String password;
    private final String createOptions;
    /** Not started by this JVM: {@code QUARRY_TEST_URL}'s. */
    private final boolean external;
    private final AtomicInteger counter = new AtomicInteger();
    /** The server this JVM started, or {@code null} for an external one or once stopped. */
    private volatile EmbeddedPostgres embedded;

    private PostgresServer(String hosts, String urlParameters, String adminDatabase, String user, String password,
                           String createOptions, boolean external) {
        this.hosts = hosts;
        this.urlParameters = urlParameters;
        this.adminDatabase = adminDatabase;
        this.user = user;
        this.password = password;
        this.createOptions = createOptions;
        this.external = external;
    }

    /** The per-JVM server; the first call starts the embedded PostgreSQL (or connects to {@code QUARRY_TEST_URL}). */
    public static PostgresServer shared() {
        PostgresServer server = shared;
        if (server != null) {
            return server;
        }
        synchronized (LOCK) {
            if (shared == null) {
                if (startFailure != null) {
                    throw new IllegalStateException("PostgreSQL for tests failed to start earlier", startFailure);
                }
                try {
                    shared = create();
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    private static PostgresServer create() {
        String url = System.getenv("QUARRY_TEST_URL");
        if (url != null && !url.isBlank()) {
            LOG.info("Using external PostgreSQL from QUARRY_TEST_URL for tests");
            return external(url.trim(),
                    envOrDefault("QUARRY_TEST_USER", "postgres"),
                    envOrDefault("QUARRY_TEST_PASSWORD", ""));
        }
        return embedded();
    }

    private static String envOrDefault(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    static PostgresServer external(String url, String user, String password) {
        if (!url.startsWith(JDBC_PREFIX)) {
            // not the value: it may hold a password
            throw new IllegalArgumentException("QUARRY_TEST_URL must start with " + JDBC_PREFIX);
        }
        String rest = url.substring(JDBC_PREFIX.length());
        int query = rest.indexOf('?');
        String parameters = query < 0 ? "" : rest.substring(query);
        String hostAndPath = query < 0 ? rest : rest.substring(0, query);
        int slash = hostAndPath.indexOf('/');
        String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String database = slash < 0 ? "" : hostAndPath.substring(slash + 1);
        // No STRATEGY clause here: an external server may be older than PostgreSQL 15.
        return new PostgresServer(hosts, parameters, database.isEmpty() ? "postgres" : database, user, password, "",
                true);
    }

    private static PostgresServer embedded() {
        return startEmbedded("Embedded PostgreSQL");
    }

    /**
     * Starts a new embedded PostgreSQL 17 of the caller's own, beside the {@link #shared()} one, for a
     * test that must stop, restart or fail over its server (stopping the shared one would break every
     * other test class of the JVM). The caller stops it with {@link #stop()}; a JVM shutdown hook
     * stops it too. It takes about a second.
     *
     * <pre>{@code
     * PostgresServer primary = PostgresServer.startSeparate();
     * try (Standby standby = primary.standby()) {
     *     String url = "jdbc:postgresql://localhost:" + primary.port() + ",localhost:" + standby.port()
     *             + "/postgres?targetServerType=primary";
     *     primary.stop();
     *     standby.promote();
     * }
     * }</pre>
     *
     * @throws IllegalStateException when {@code QUARRY_TEST_URL} is set: tests then run against that
     *     server, and this JVM starts none of its own
     */
    public static PostgresServer startSeparate() {
        requireNoExternalServer("a separate embedded server");
        return startEmbedded("Separate embedded PostgreSQL");
    }

    static void requireNoExternalServer(String what) {
        String url = System.getenv("QUARRY_TEST_URL");
        if (url != null && !url.isBlank()) {
            throw new IllegalStateException("Cannot start " + what + ": QUARRY_TEST_URL is set, so tests run "
                    + "against that server and this JVM starts no PostgreSQL of its own");
        }
    }

    /** Settings of every embedded server; a standby gets them too, since hot standby needs max_connections at least the primary's. */
    static Map<String, String> embeddedSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        // durability is worthless for throwaway test data; these make DDL-heavy tests much faster
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("full_page_writes", "off");
        // many test classes each hold a connection pool at the same time
        settings.put("max_connections", "300");
        settings.put("shared_buffers", "128MB");
        return settings;
    }

    private static PostgresServer startEmbedded(String what) {
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false) // ours below; one hook, one place
                    .setPGStartupWait(Duration.ofSeconds(60));
            embeddedSettings().forEach(builder::setServerConfig);
            postgres = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
        LOG.info("{} started on port {}", what, postgres.getPort());
        // FILE_COPY copies the tiny template in a few ms; the default WAL_LOG is several times slower with fsync off.
        PostgresServer server = new PostgresServer("localhost:" + postgres.getPort(), "", "postgres", "postgres", "",
                " STRATEGY = FILE_COPY", false);
        server.embedded = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(rootThreadGroup(), server::stop, "quarry-postgres-shutdown"));
        return server;
    }

    /** The root thread group outlives the one a launcher such as exec:java runs main in. */
    static ThreadGroup rootThreadGroup() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root;
    }

    /**
     * Whether this JVM started this server and it still runs, so that {@link #standby()} can copy it: false
     * for {@code QUARRY_TEST_URL}'s server and after {@link #stop()}.
     */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * The port of the embedded server.
     *
     * @throws IllegalStateException for an external server ({@code QUARRY_TEST_URL}) or one already stopped
     */
    public int port() {
        EmbeddedPostgres postgres = embedded;
        if (postgres == null) {
            throw new IllegalStateException(this + " is not an embedded server this JVM runs (it is external, or stopped)");
        }
        return postgres.getPort();
    }

    /**
     * Starts a hot standby of this embedded server: a copy of its data directory, taken with
     * PostgreSQL's low-level backup API while it runs, that streams and replays its WAL through a
     * physical replication slot of its own, on a port of its own, and answers read-only queries.
     * Takes a second or two; close it when done (a JVM shutdown hook closes it too).
     *
     * <pre>{@code
     * try (Standby standby = PostgresServer.shared().standby()) {
     *     db.execute("insert into users (name) values ('ann')");
     *     standby.awaitCatchUp(Duration.ofSeconds(10));
     *     // standby.jdbcUrl(db.name()) now sees ann, read-only
     * }
     * }</pre>
     *
     * @throws IllegalStateException for an external server ({@code QUARRY_TEST_URL}): its data
     *     directory is out of this JVM's reach; tests that need a standby should skip then, e.g. with
     *     {@code assumeTrue(PostgresServer.shared().isEmbedded(), "needs the embedded server")}
     */
    public Standby standby() {
        return standby(Map.of());
    }

    /**
     * As {@link #standby()}, with server settings for the standby on top of this server's, e.g.
     * {@code Map.of("max_standby_streaming_delay", "100ms")} to make recovery conflicts cancel queries quickly.
     */
    public Standby standby(Map<String, String> settings) {
        Objects.requireNonNull(settings, "settings");
        if (external) {
            throw new IllegalStateException("Cannot start a standby of " + this + ": it is an external server "
                    + "(QUARRY_TEST_URL), whose data directory this JVM cannot copy; a test that needs a standby "
                    + "should skip unless PostgresServer.shared().isEmbedded()");
        }
        if (embedded == null) {
            throw new IllegalStateException("Cannot start a standby of " + this + ": it is stopped");
        }
        Map<String, String> all = embeddedSettings();
        all.putAll(settings);
        return Standby.start(this, all);
    }

    /**
     * Stops the embedded server this JVM started; does nothing for an external server or when
     * already stopped. Tests need not call it (a shutdown hook does); a program's {@code main} should,
     * in a {@code finally}, since a launcher may close its class loader before shutdown hooks run.
     */
    public void stop() {
        EmbeddedPostgres postgres;
        synchronized (this) {
            postgres = embedded;
            embedded = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("Could not stop embedded PostgreSQL", e);
            }
        }
    }

    /** JDBC URL of {@code database} on this server (credentials are not part of the URL). */
    public String jdbcUrl(String database) {
        return JDBC_PREFIX + hosts + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8) + urlParameters;
    }

    /** User name to connect with. */
    public String user() {
        return user;
    }

    /** Password to connect with (empty for the embedded server, which trusts local connections). */
    public String password() {
        return password;
    }

    /**
     * Creates a new, empty database named {@code <prefix>_<n>_<random>}, where the prefix is lower-cased,
     * reduced to {@code [a-z0-9_]} and cut to 40 characters. The random part keeps several JVMs that share one
     * external server from clashing.
     */
    public TestDatabase createDatabase(String prefix) {
        String name = uniqueName(prefix);
        try (Connection connection = connect(adminDatabase); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + quote(name) + createOptions);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(this, name);
    }

    /** Disconnects every session of {@code db} and drops it; dropping a database that is already gone is fine. */
    public void dropDatabase(TestDatabase db) {
        String name = db.name();
        try (Connection connection = connect(adminDatabase)) {
            for (int attempt = 1; ; attempt++) {
                try {
                    terminateBackends(connection, name);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DROP DATABASE IF EXISTS " + quote(name));
                    }
                    return;
                } catch (SQLException e) {
                    if (attempt >= 3 || !OBJECT_IN_USE.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    private static void terminateBackends(Connection connection, String database) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, database);
            statement.executeQuery().close();
        }
    }

    Connection connect(String database) throws SQLException {
        return dataSource(database).getConnection();
    }

    PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    String uniqueName(String prefix) {
        return sanitize(prefix) + "_" + counter.incrementAndGet() + "_" + randomSuffix(4);
    }

    static String sanitize(String prefix) {
        String cleaned = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0))) {
            cleaned = "db_" + cleaned; // unquoted identifiers must not start with a digit; keeps names easy to type in psql
        }
        return cleaned.length() > MAX_PREFIX_LENGTH ? cleaned.substring(0, MAX_PREFIX_LENGTH) : cleaned;
    }

    private static String randomSuffix(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder suffix = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            suffix.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return suffix.toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return "PostgresServer[" + hosts + "]";
    }
}
