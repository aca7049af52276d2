package dev.quarry.it.tx;

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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The tables of this package's tests, the pool they run on, and what tests read around it. */
final class TxSchema {
    static final String DDL = """
            CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL);
            CREATE TABLE entry (id int PRIMARY KEY, note text NOT NULL);
            """;

    private TxSchema() {}

    static Database.Builder builder(TestDatabase db) {
        return Database.builder().url(db.url()).user(db.user()).password(db.password());
    }

    static Database open(TestDatabase db) {
        return builder(db).maximumPoolSize(4).build();
    }

    /** Connections borrowed from a pool and not yet given back. */
    static int active(DataSource pool) {
        try {
            return pool.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids in {@code entry} between {@code from} and {@code to}, as committed: read on a connection of its own. */
    static List<Integer> committedIds(TestDatabase db, int from, int to) {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id FROM entry WHERE id BETWEEN ? AND ? ORDER BY id")) {
            select.setInt(1, from);
            select.setInt(2, to);
            List<Integer> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getInt(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code condition} holds, failing with {@code state} once {@code limit} has passed. */
    static void await(Duration limit, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + state.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
