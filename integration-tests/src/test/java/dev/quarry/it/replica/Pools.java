package dev.quarry.it.replica;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What the tests of this package read around a Database. */
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
}
