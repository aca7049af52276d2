package dev.quarry.it.reliability;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.Database;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The pool under test, what the server knows about its connections, and how a test kills them.
 * The server is asked on connections of the test database's plain data source, never through the
 * pool under test, so that a fault injected here cannot hide in the code it checks.
 */
final class Backends {
    private Backends() {}

    /** A pool whose sessions report {@code applicationName}, for {@link #pids} to find. */
    static Database.Builder builder(TestDatabase db, String applicationName, int poolSize) {
        return Database.builder()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .applicationName(applicationName)
                .maximumPoolSize(poolSize);
    }

    static Database open(TestDatabase db, String applicationName, int poolSize) {
        return builder(db, applicationName, poolSize).build();
    }

    /** Connections borrowed from the pool and not yet given back. */
    static int active(Database database) {
        try {
            return database.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int idle(Database database) {
        try {
            return database.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getIdleConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pids of the backends of {@code applicationName} in {@code state} whose query matches {@code like}. */
    static List<Integer> pids(TestDatabase db, String applicationName, String state, String like) {
        String sql = "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND state = ? AND query LIKE ?"
                + " AND pid <> pg_backend_pid() ORDER BY pid";
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement stmt = connection.prepareStatement(sql)) {
            stmt.setString(1, applicationName);
            stmt.setString(2, state);
            stmt.setString(3, like);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every backend of {@code applicationName}, whatever it is doing. */
    static List<Integer> pids(TestDatabase db, String applicationName) {
        List<Integer> all = new ArrayList<>();
        for (String state : List.of("idle", "active", "idle in transaction", "idle in transaction (aborted)")) {
            all.addAll(pids(db, applicationName, state, "%"));
        }
        return all;
    }

    /**
     * Terminates the backend and waits until it has exited, so that whatever the test does next
     * meets a dead connection rather than racing its death.
     */
    static void terminate(TestDatabase db, int pid) {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement stmt = connection.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
            stmt.setInt(1, pid);
            try (ResultSet rs = stmt.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new IllegalStateException("backend " + pid + " was not terminated");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("terminating backend " + pid + " failed", e);
        }
    }

    /** The single pid {@link #pids} finds once it appears, polling for up to five seconds. */
    static int awaitOne(TestDatabase db, String applicationName, String state, String like) {
        AtomicReference<List<Integer>> found = new AtomicReference<>(List.of());
        await(Duration.ofSeconds(5), () -> {
            found.set(pids(db, applicationName, state, like));
            return !found.get().isEmpty();
        }, () -> "no " + state + " backend of " + applicationName + " running " + like);
        if (found.get().size() != 1) {
            throw new IllegalStateException("expected one backend running " + like + ", found " + found.get());
        }
        return found.get().get(0);
    }

    /** Polls {@code condition} every 20 ms until it holds; fails with {@code what} after {@code limit}. */
    static void await(Duration limit, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + limit + ": " + what.get());
            }
            pause(Duration.ofMillis(20));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
