package dev.quarry.it.integrity;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.Database;
import dev.quarry.testing.TestDatabase;
import java.sql.SQLException;

/** The pool of this package's tests, and what they read around it. */
final class Integrity {
    private Integrity() {}

    static Database open(TestDatabase db) {
        db.execute(Note.DDL);
        return Database.builder().url(db.url()).user(db.user()).password(db.password()).maximumPoolSize(4).build();
    }

    /** Rows in {@code note}, as committed: read on a connection of its own. */
    static long committed(TestDatabase db) {
        return db.queryLong("SELECT count(*) FROM note");
    }

    /** Connections borrowed from the pool and not yet given back. */
    static int active(Database db) {
        try {
            return db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
