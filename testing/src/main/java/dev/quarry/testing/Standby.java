package dev.quarry.testing;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hot standby of an embedded {@link PostgresServer}, made by {@link PostgresServer#standby()}: a real
 * PostgreSQL in recovery on a port of its own that streams the primary's WAL and answers read-only
 * queries, for testing read replicas, replication lag, recovery conflicts and failover.
 *
 * <pre>{@code
 * try (Standby standby = PostgresServer.shared().standby()) {
 *     db.execute("create table t (id int); insert into t values (1)");
 *     standby.awaitCatchUp(Duration.ofSeconds(10));
 *     DataSource replica = standby.dataSource(db.name());   // sees t, refuses writes (SQLSTATE 25006)
 *     standby.pauseReplay();                               // from now on it lags, until resumeReplay()
 * }
 * }</pre>
 *
 * <p>Closing it stops the server, drops its replication slot on the primary and deletes its data
 * directory; a JVM shutdown hook closes every standby left open. All methods are thread-safe.
 */
public final class Standby implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Standby.class);
    /** Closed by one shutdown hook, so that no postgres process outlives the JVM. */
    private static final Set<Standby> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookAdded;
    /** Directories whose contents a base backup leaves out: the standby makes them, or streams them (pg_wal). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Files a base backup leaves out: the running server's own, and zonky's lock. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label",
            "tablespace_map", "standby.signal", "recovery.signal", "pg_internal.init");

    private final PostgresServer primary;
    private final String slot;
    private final Path directory;
    private final Path bin;
    private final int port;
    private volatile boolean running = true;
    private volatile boolean closed;

    private Standby(PostgresServer primary, String slot, Path directory, Path bin, int port) {
        this.primary = primary;
        this.slot = slot;
        this.directory = directory;
        this.bin = bin;
        this.port = port;
    }

    static Standby start(PostgresServer primary, Map<String, String> settings) {
        String slot = "quarry_standby_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Path directory = null;
        boolean slotMade = false;
        try {
            // the data directory, and beside it the server log and pg_ctl's output
            directory = Files.createTempDirectory("quarry-standby-");
            closeOnExit();
            Path data = directory.resolve("data");
            Path bin;
            try (Connection connection = primary.connect("postgres")) {
                // the slot keeps the WAL the standby has not received yet, from before the backup starts on
                execute(connection, "SELECT pg_create_physical_replication_slot('" + slot + "', true)");
                slotMade = true;
                bin = baseBackup(connection, slot, data);
            }
            int primaryPort = primary.port();
            int port = freePort();
            Files.writeString(data.resolve("standby.signal"), "");
            StringBuilder conf = new StringBuilder("\n# written by Quarry's Standby\n")
                    .append("port = ").append(port).append('\n')
                    .append("primary_conninfo = 'host=localhost port=").append(primaryPort).append(" user=")
                    .append(primary.user()).append(" application_name=").append(slot).append("'\n")
                    .append("primary_slot_name = '").append(slot).append("'\n");
            settings.forEach((name, value) -> conf.append(name).append(" = '").append(value.replace("'", "''")).append("'\n"));
            Files.writeString(data.resolve("postgresql.auto.conf"), conf, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
            // -w: pg_ctl returns once the standby accepts connections, and fails at once if the postmaster exits
            pgCtl(bin, directory, "-D", data.toString(), "-l", directory.resolve("postgres.log").toString(),
                    "-w", "-t", "60", "start");
            Standby standby = new Standby(primary, slot, directory, bin, port);
            OPEN.add(standby);
            LOG.info("Hot standby of {} started on port {}", primary, port);
            return standby;
        } catch (IOException | SQLException | RuntimeException e) {
            String log = "";
            if (directory != null) {
                stopLeftover(directory.resolve("data"));
                log = logTail(directory.resolve("postgres.log"));
            }
            if (slotMade) {
                dropSlot(primary, slot);
            }
            if (directory != null) {
                delete(directory);
            }
            throw new IllegalStateException("Could not start a standby of " + primary + ": " + e.getMessage()
                    + (log.isEmpty() ? "" : "\nThe standby's log ends with:\n" + log), e);
        }
    }

    /** PostgreSQL's "Making a Base Backup Using the Low Level API", over the one connection that began it. */
    private static Path baseBackup(Connection connection, String label, Path copy) throws SQLException, IOException {
        Path data;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            rows.next();
            data = Path.of(rows.getString(1));
        }
        Path bin = binaries(data);
        // fast: an immediate checkpoint rather than a spread one, which would take minutes
        execute(connection, "SELECT pg_backup_start('" + label + "', true)");
        String labelFile;
        String mapFile;
        try {
            copyDataDirectory(data, copy);
        } finally {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rows.next();
                labelFile = rows.getString(1);
                mapFile = rows.getString(2);
            }
        }
        // PostgreSQL refuses a data directory others may read
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(copy.resolve("backup_label"), labelFile);
        if (mapFile != null && !mapFile.isEmpty()) {
            Files.writeString(copy.resolve("tablespace_map"), mapFile);
        }
        return bin;
    }

    /** The primary's bin directory, as its postmaster.opts names it: the standby runs the same binaries. */
    private static Path binaries(Path data) throws IOException {
        String opts = Files.readString(data.resolve("postmaster.opts")).trim();
        String postgres = opts.startsWith("\"") ? opts.substring(1, opts.indexOf('"', 1)) : opts.split("\\s+")[0];
        Path bin = Path.of(postgres).getParent();
        if (bin == null || !Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IOException("no pg_ctl beside the primary's postgres binary " + postgres);
        }
        return bin;
    }

    /** Runs pg_ctl, failing with its output when it fails; bounded, since {@code -t} bounds its own waits. */
    private static void pgCtl(Path bin, Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as zonky starts the primary: pg_ctl refuses to run as root, and in a user namespace it is not
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve("pg_ctl").toString());
        command.addAll(List.of(arguments));
        Path output = directory.resolve("pg_ctl.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("pg_ctl " + String.join(" ", arguments) + " did not finish in 90 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running pg_ctl", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("pg_ctl " + arguments[arguments.length - 1] + " failed (exit " + process.exitValue()
                    + "): " + Files.readString(output).trim());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The last lines of the standby's server log, to say why it did not start. */
    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void copyDataDirectory(Path data, Path copy) throws IOException {
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(copy.resolve(data.relativize(dir).toString()));
                if (!dir.equals(data) && dir.getParent().equals(data) && EMPTIED.contains(dir.getFileName().toString())) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(copy.resolve("pg_wal/archive_status"));
                        Files.createDirectories(copy.resolve("pg_wal/summaries"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (SKIPPED.contains(name) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, copy.resolve(data.relativize(file).toString()));
                } catch (NoSuchFileException e) {
                    // dropped while the backup ran: replaying the WAL drops it on the standby too
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** The standby's port on localhost. */
    public int port() {
        return port;
    }

    /** JDBC URL of {@code database} on the standby (credentials are not part of the URL). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** User name to connect with: the primary's. */
    public String user() {
        return primary.user();
    }

    /** Password to connect with: the primary's (empty: local connections are trusted). */
    public String password() {
        return primary.password();
    }

    /** A plain, non-pooled data source for {@code database} on the standby; a new instance per call. */
    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser(user());
        dataSource.setPassword(password());
        return dataSource;
    }

    /**
     * Waits until the standby has replayed everything the primary committed before this call; a read on
     * the standby then sees those commits.
     *
     * @throws IllegalStateException when it has not within {@code timeout} (replay paused, standby stopped
     *     or promoted, primary gone), saying how far behind it is
     */
    public void awaitCatchUp(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (!inRecovery()) {
            throw promoted();
        }
        String target;
        try (Connection connection = primary.connect("postgres"); Statement statement = connection.createStatement()) {
            // The primary may commit asynchronously. A synchronous commit of our own flushes every earlier
            // one, but only if it wrote WAL (else PostgreSQL commits it asynchronously too): hence the message.
            statement.execute("SET synchronous_commit = on");
            statement.execute("SELECT pg_logical_emit_message(true, 'quarry.standby', 'catch-up')");
            try (ResultSet rows = statement.executeQuery("SELECT pg_current_wal_flush_lsn()::text")) {
                rows.next();
                target = rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the primary's WAL position: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String replayed = null;
        try (Connection connection = connect();
             PreparedStatement behind = connection.prepareStatement(
                     "SELECT pg_last_wal_replay_lsn()::text, pg_is_in_recovery(), "
                             + "pg_wal_lsn_diff(?::pg_lsn, pg_last_wal_replay_lsn()) <= 0")) {
            behind.setString(1, target);
            while (true) {
                try (ResultSet rows = behind.executeQuery()) {
                    rows.next();
                    replayed = rows.getString(1);
                    if (!rows.getBoolean(2)) {
                        throw promoted();
                    }
                    if (rows.getBoolean(3)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Standby on port " + port + " did not catch up within " + timeout
                            + ": replayed up to " + replayed + ", primary flushed up to " + target
                            + (replayPaused(connection) ? " (replay is paused)" : ""));
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the standby's replay position: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the standby to catch up", e);
        }
    }

    private IllegalStateException promoted() {
        return new IllegalStateException("Standby on port " + port + " was promoted: it no longer replays the primary's WAL");
    }

    private boolean inRecovery() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_is_in_recovery()")) {
            rows.next();
            return rows.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the standby on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** {@link #awaitCatchUp} with 30 seconds to do it in. */
    public void waitForReplay() {
        awaitCatchUp(Duration.ofSeconds(30));
    }

    /**
     * Stops replaying WAL ({@code pg_wal_replay_pause()}): the standby keeps receiving it, but what the
     * primary commits from now on is not visible on the standby until {@link #resumeReplay()}. Waits
     * until the standby says it is paused, so that the next commit on the primary is surely not seen.
     */
    public void pauseReplay() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_wal_replay_pause()");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // "pause requested" already stops replay before its next record; "paused" is the confirmation
            while (!replayPaused(connection) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not pause replay on the standby: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pausing replay", e);
        }
    }

    /** Resumes replay after {@link #pauseReplay()}; the standby then catches up by itself. */
    public void resumeReplay() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_wal_replay_resume()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resume replay on the standby: " + e.getMessage(), e);
        }
    }

    private static boolean replayPaused(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
            rows.next();
            return !"not paused".equals(rows.getString(1));
        }
    }

    /**
     * Promotes the standby to a primary ({@code pg_promote()}) and waits until it accepts writes, as after
     * a failover. Its slot on the old primary stays until {@link #close()}.
     */
    public void promote() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT pg_promote(true, 60)")) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    throw new IllegalStateException("Standby on port " + port + " was not promoted within 60 s");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not promote the standby: " + e.getMessage(), e);
        }
    }

    /** Stops the server with a fast shutdown (sessions are disconnected); its data directory stays until {@link #close()}. */
    public void stop() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        Path data = directory.resolve("data");
        try {
            pgCtl(bin, directory, "-D", data.toString(), "-m", "fast", "-w", "-t", "30", "stop");
        } catch (IOException e) {
            LOG.warn("Could not stop the standby on port {}: {}", port, e.getMessage());
        }
        stopLeftover(data);
    }

    /**
     * Ends a postmaster that still runs in {@code directory}: one whose start failed half-way, or that
     * {@code pg_ctl stop} did not stop in time. SIGTERM first (a smart shutdown), then SIGKILL.
     */
    private static void stopLeftover(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        long pid;
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            pid = Long.parseLong(first);
        } catch (IOException | NumberFormatException e) {
            return; // no pid file: nothing runs there
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
            LOG.warn("Stopping postgres process {} left running in {}", pid, directory);
            process.destroy();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Stops the server, drops its replication slot on the primary (if the primary still runs) and deletes its data. */
    @Override
    public void close() {
        stop();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        OPEN.remove(this);
        if (primary.isEmbedded()) {
            dropSlot(primary, slot);
        }
        delete(directory);
    }

    private Connection connect() throws SQLException {
        if (!running) {
            throw new IllegalStateException("Standby on port " + port + " is stopped");
        }
        return dataSource("postgres").getConnection();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void dropSlot(PostgresServer primary, String slot) {
        try (Connection connection = primary.connect("postgres")) {
            // a walsender may still hold it for a moment after the standby stopped
            for (int attempt = 1; ; attempt++) {
                try {
                    execute(connection, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                            + "WHERE slot_name = '" + slot + "'");
                    return;
                } catch (SQLException e) {
                    if (attempt >= 50 || !"55006".equals(e.getSQLState())) {
                        throw e;
                    }
                    Thread.sleep(20);
                }
            }
        } catch (SQLException e) {
            LOG.warn("Could not drop replication slot {} on {}: {}", slot, primary, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the standby's data directory {}", directory, e);
        }
    }

    /** One hook for every standby: closes those still open, so none outlives the JVM. */
    private static void closeOnExit() {
        if (!hookAdded) {
            synchronized (OPEN) {
                if (!hookAdded) {
                    Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer.rootThreadGroup(),
                            () -> OPEN.forEach(Standby::close), "quarry-standby-shutdown"));
                    hookAdded = true;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Standby[localhost:" + port + " of " + primary + "]";
    }
}
