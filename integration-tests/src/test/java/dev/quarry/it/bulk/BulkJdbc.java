package dev.quarry.it.bulk;

import dev.quarry.runtime.Database;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on connections of the test database's own data source, so that what a bulk test
 * reads back never goes through the code under test.
 */
final class BulkJdbc {
    private BulkJdbc() {}

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static Database open(TestDatabase db, int poolSize) {
        return Database.builder().url(db.url()).user(db.user()).password(db.password()).maximumPoolSize(poolSize)
                .build();
    }

    static <T> List<T> query(TestDatabase db, String sql, RowReader<T> reader) {
        try (Connection conn = db.dataSource().getConnection(); Statement stmt = conn.createStatement();
             ResultSet rs = stmt.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Each column of the single result row, as text (NULL as {@code null}). */
    static List<String> row(TestDatabase db, String sql) {
        List<List<String>> rows = query(db, sql, rs -> {
            List<String> values = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                values.add(rs.getString(c));
            }
            return values;
        });
        if (rows.size() != 1) {
            throw new IllegalStateException(sql + " returned " + rows.size() + " rows");
        }
        return rows.get(0);
    }
}
