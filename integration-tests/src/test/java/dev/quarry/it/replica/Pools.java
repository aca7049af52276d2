package dev.quarry.it.replica;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/** What the tests of this package read around a Database: borrowed connections, and how long a call took. */
final class Pools {
    private Pools() {}

    /** Connections borrowed from a pool and not yet given back. */
    static int active(DataSource pool) {
        try {
            return pool.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time {@code work} took, whether it returned or threw. */
    static Duration timed(Callable<?> work) {
        long start = System.nanoTime();
        try {
            work.call();
        } catch (Exception e) {
            // the caller asserts the failure separately; only the time is wanted here
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
