package dev.quarry.it.tx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PgBouncer in transaction pooling mode, started for a test on a free local port in front of
 * the test server, with {@code serverConnections} server connections per database and user: with
 * one, every client's transactions take turns on the same server session.
 */
final class PgBouncer implements AutoCloseable {
    private static final List<String> SEARCHED = List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/usr/bin");

    private final Process process;
    private final Path directory;
    private final int port;

    private PgBouncer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Whether {@link #binary()} finds one; tests that need PgBouncer are skipped without it. */
    static boolean installed() {
        return binary().isPresent();
    }

    /** The {@code pgbouncer} executable on the PATH or where Debian installs it. */
    static Optional<Path> binary() {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        directories.addAll(SEARCHED);
        return directories.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "pgbouncer"))
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts PgBouncer in front of the server of {@code jdbcUrl}, logging in as {@code user}. */
    static PgBouncer start(Path binary, String jdbcUrl, String user, String password, int serverConnections)
            throws IOException {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        int port = freePort();
        Path directory = Files.createTempDirectory("quarry-pgbouncer");
        Path users = directory.resolve("userlist.txt");
        // with auth_type trust the client is not asked for a password; PgBouncer logs in to the server with this one
        Files.writeString(users, quote(user) + " " + quote(password) + "\n", StandardCharsets.UTF_8);
        Path config = directory.resolve("pgbouncer.ini");
        Files.writeString(config, String.join("\n",
                "[databases]",
                "* = host=" + server.getHost() + " port=" + server.getPort(),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = trust",
                "auth_file = " + users,
                "pool_mode = transaction",
                "default_pool_size = " + serverConnections,
                "min_pool_size = 0",
                "reserve_pool_size = 0",
                "max_client_conn = 200",
                // pgjdbc sends it in the startup packet; PgBouncer refuses unknown startup parameters
                "ignore_startup_parameters = extra_float_digits",
                ""), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            // PgBouncer refuses to run as root; it reads its files after switching to this user
            command.addAll(List.of("-u", "nobody"));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        }
        command.add(config.toString());
        Path log = directory.resolve("pgbouncer.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PgBouncer bouncer = new PgBouncer(process, directory, port);
        bouncer.awaitListening(Duration.ofSeconds(15), log);
        return bouncer;
    }

    private static String quote(String value) {
        return '"' + (value == null ? "" : value.replace("\"", "\"\"")) + '"';
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(Duration limit, Path log) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!process.isAlive()) {
                String output = Files.readString(log);
                close();
                throw new IllegalStateException("pgbouncer exited with " + process.exitValue() + ":\n" + output);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    String output = Files.readString(log);
                    close();
                    throw new IllegalStateException("pgbouncer did not listen on " + port + " within " + limit + ":\n"
                            + output);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The JDBC URL of {@code database} through this PgBouncer. */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
