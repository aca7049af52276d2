package dev.quarry.it;

import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on a connection of its own, outside the pool under test, so that what a test reads
 * back or sets up never goes through the code it checks.
 */
public final class Jdbc {
    private Jdbc() {}

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement stmt) throws SQLException;
    }

    public static <T> List<T> query(TestDatabase db, String sql, RowMapper<T> mapper, Object... params) {
        return queryBound(db, sql, stmt -> {
            for (int i = 0; i < params.length; i++) {
                stmt.setObject(i + 1, params[i]);
            }
        }, mapper);
    }

    public static <T> List<T> queryBound(TestDatabase db, String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection conn = db.dataSource().getConnection(); PreparedStatement stmt = conn.prepareStatement(sql)) {
            binder.bind(stmt);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs one statement once per element of {@code rows}, in one transaction. */
    static <T> void insert(TestDatabase db, String sql, List<T> rows, RowBinder<T> binder) {
        try (Connection conn = db.dataSource().getConnection(); PreparedStatement stmt = conn.prepareStatement(sql)) {
            conn.setAutoCommit(false);
            for (T row : rows) {
                binder.bind(stmt, row);
                stmt.addBatch();
            }
            stmt.executeBatch();
            conn.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement stmt, T row) throws SQLException;
    }
}
