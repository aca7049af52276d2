package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.PoolTimeoutException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The server goes away and comes back while a {@link Database} is open. This class runs a
 * PostgreSQL of its own, because stopping the server every other test class shares would fail
 * them; its data directory outlives a stop, so the restarted server has the same data and port.
 */
class ServerRestartTest {
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    /** A failing call may first find a dead idle connection, test it, then wait the connection timeout. */
    private static final Duration FAILS_WITHIN = CONNECTION_TIMEOUT.plusSeconds(2);

    private static Path dataDirectory;
    private static int port;
    /** {@code null} while stopped. */
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws IOException {
        dataDirectory = Path.of("target", "reliability-restart-pgdata").toAbsolutePath();
        deleteRecursively(dataDirectory);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement stmt = connection.createStatement()) {
            stmt.execute(Entry.DDL);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopServer() throws IOException {
        stop();
        deleteRecursively(dataDirectory);
    }

    private static void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The settings of the shared test server, on a fixed directory and port that survive a stop. */
    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
    }

    private static Database open() {
        return Database.builder()
                .url("jdbc:postgresql://localhost:" + port + "/postgres")
                .user("postgres")
                .password("")
                .maximumPoolSize(2)
                .connectionTimeout(CONNECTION_TIMEOUT)
                .build();
    }

    /**
     * One outage for every kind of call, since starting this server costs seconds. Calls that
     * name their method in a later assertion are collected during the outage and checked after
     * the restart, so that recovery is proven whatever those assertions find.
     */
    @Test
    void callsFailFastDuringAnOutageAndWorkAgainAfterTheRestartOnTheSameDatabase() throws IOException {
        try (Database db = open()) {
            Faults repo = db.repository(Faults.class);
            assertEquals(1, repo.add(1, "before", 1));

            stop();

            // A connection used in the last 500 ms is handed out untested (HikariCP's bypass window),
            // so each of the two pooled connections may fail one call with the server's goodbye
            // before the pool is empty and its own timeout says why.
            DataException timedOut = null;
            for (int call = 1; call <= 3 && timedOut == null; call++) {
                DataException e = failsFast(repo::count);
                assertEquals("Faults.count", e.method());
                assertTrue(e.getMessage().startsWith("Faults.count: "), e.getMessage());
                if (e.getCause() instanceof SQLTransientConnectionException) {
                    timedOut = e;
                } else {
                    assertTrue(e.getMessage().contains("terminating connection due to administrator command")
                            || e.getMessage().contains("I/O error"), e.getMessage());
                }
            }
            assertNotNull(timedOut, "the pool never reported the outage itself");
            assertTrue(timedOut.getMessage().startsWith("Faults.count: quarry - Connection is not available, request "
                    + "timed out after "), timedOut.getMessage());
            assertEquals("08001", timedOut.sqlState());
            // an unreachable server is not an exhausted pool
            assertFalse(timedOut instanceof PoolTimeoutException, timedOut.getClass().getName());
            assertTrue(causes(timedOut).contains("Connection to localhost:" + port + " refused"), causes(timedOut));
            // and the message says it too, not only a cause deep in the chain
            assertTrue(timedOut.getMessage().contains("; the last attempt to connect failed: Connection to localhost:"
                    + port + " refused"), timedOut.getMessage());

            // the other kinds of call at once: each waits out its own connection timeout
            Ledger ledger = db.repository(Ledger.class);
            ExecutorService callers = Executors.newFixedThreadPool(5);
            List<Future<DataException>> calls;
            try {
                calls = callers.invokeAll(List.<Callable<DataException>>of(
                        () -> failsFast(() -> {
                            try (Stream<Faults.Tick> ticks = repo.ticks(3)) {
                                ticks.count();
                            }
                        }),
                        () -> failsFast(() -> repo.load(Stream.of(Entry.of(100)))),
                        () -> failsFast(() -> repo.addSerializable(101, "serializable", 1)),
                        () -> failsFast(() -> ledger.addPair(103)),
                        () -> failsFast(() -> db.transaction(() -> repo.add(102, "in a transaction", 1)))));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                callers.shutdown();
            }
            DataException stream = outcome(calls.get(0));
            DataException bulk = outcome(calls.get(1));
            DataException transactional = outcome(calls.get(2));
            DataException transactionalPair = outcome(calls.get(3));
            DataException transaction = outcome(calls.get(4));
            assertEquals("Faults.ticks", stream.method());
            assertTrue(stream.getMessage().startsWith("Faults.ticks: quarry - Connection is not available"),
                    stream.getMessage());
            // work passed to db.transaction has no method until it calls one; the pool's message stands alone
            assertTrue(transaction.getMessage().startsWith("quarry - Connection is not available"),
                    transaction.getMessage());
            assertEquals(0, Backends.active(db));

            server = start();

            // HikariCP kept trying to connect during the outage, backing off up to 5 s between attempts
            List<DataException> whileReconnecting = new ArrayList<>();
            long count = recover(repo::count, Duration.ofSeconds(8), whileReconnecting);
            for (DataException failure : whileReconnecting) {
                assertEquals("Faults.count", failure.method(), failure::getMessage);
            }
            // nothing was written during the outage, and what was written before survived the restart
            assertEquals(1, count);
            assertEquals(1, repo.add(2, "after", 2));
            assertEquals(2, repo.load(LongStream.rangeClosed(3, 4).mapToObj(Entry::of)));
            assertEquals(1, repo.addSerializable(5, "serializable", 5));
            assertEquals(2, ledger.addPair(6));
            try (Stream<Faults.Tick> ticks = repo.ticks(3)) {
                assertEquals(3, ticks.count());
            }
            assertEquals(7, repo.count());
            assertEquals(0, Backends.active(db));

            // bulk writes and @Transactional methods run in a transaction of their own: they must name their method too
            assertEquals("Faults.load", bulk.method(), bulk::getMessage);
            assertTrue(bulk.getMessage().startsWith("Faults.load: "), bulk.getMessage());
            assertEquals("Faults.addSerializable", transactional.method(), transactional::getMessage);
            assertTrue(transactional.getMessage().startsWith("Faults.addSerializable: "), transactional.getMessage());
            assertEquals("Ledger.addPair", transactionalPair.method(), transactionalPair::getMessage);
            assertTrue(transactionalPair.getMessage().startsWith("Ledger.addPair: "), transactionalPair.getMessage());
        }
    }

    private static DataException failsFast(Executable call) {
        long start = System.nanoTime();
        DataException e = assertThrows(DataException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(FAILS_WITHIN) < 0, "took " + took + ": " + e.getMessage());
        return e;
    }

    private static DataException outcome(Future<DataException> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            // an assertion that failed on a caller thread fails the test as it is
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Calls until the call succeeds, collecting the failures on the way; fails after {@code limit}. */
    private static <T> T recover(Supplier<T> call, Duration limit, List<DataException> failures) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (DataException e) {
                failures.add(e);
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no success within " + limit + " of the restart", e);
                }
            }
        }
    }

    private static String causes(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
