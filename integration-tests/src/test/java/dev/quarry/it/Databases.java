package dev.quarry.it;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.Database;
import dev.quarry.testing.TestDatabase;
import java.sql.SQLException;

/** The pool every test class runs its repositories on, and what tests read from it. */
final class Databases {
    private Databases() {}

    static Database open(TestDatabase db) {
        return Database.builder()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .maximumPoolSize(4)
                .build();
    }

    /** Connections borrowed from the pool and not yet given back: 0 whenever no call is running. */
    static int activeConnections(Database database) throws SQLException {
        return database.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
    }
}
