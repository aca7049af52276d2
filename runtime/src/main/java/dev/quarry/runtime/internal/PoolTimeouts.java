package dev.quarry.runtime.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.PoolTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Turns a failure to borrow a connection into a {@link DataException}: a HikariCP pool that timed
 * out with every connection in use becomes a {@link PoolTimeoutException} that says so; one that
 * timed out because the server could not be reached says why the last attempt failed; anything
 * else goes through {@link SqlErrors#translate}.
 */
final class PoolTimeouts {
    private PoolTimeouts() {}

    static DataException translate(SQLException e, String method, DataSource pool) {
        // HikariCP attaches the last failure to open a connection as the cause; without one, the
        // timeout means the pool was full, not that the server could not be reached.
        HikariDataSource hikari = e instanceof SQLTransientConnectionException && e.getCause() == null
                ? hikari(pool) : null;
        if (hikari == null) {
            if (e instanceof SQLTransientConnectionException && e.getCause() instanceof SQLException failure) {
                // the pool's own message says only that it timed out; why it could not connect is the news
                return SqlErrors.translate(e, method, null, e.getMessage() + "; the last attempt to connect failed: "
                        + failure.getMessage());
            }
            return SqlErrors.translate(e, method, null);
        }
        int size = hikari.getMaximumPoolSize();
        Duration timeout = Duration.ofMillis(hikari.getConnectionTimeout());
        String message = (method == null ? "" : method + ": ") + e.getMessage()
                + ": the pool is exhausted, all " + size + " connections (maximumPoolSize " + size
                + ") stayed in use for the connectionTimeout of " + timeout.toMillis() + " ms";
        return new PoolTimeoutException(message, method, size, timeout, e);
    }

    private static HikariDataSource hikari(DataSource pool) {
        try {
            return pool.isWrapperFor(HikariDataSource.class) ? pool.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
