package dev.quarry.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Puts W4's and W5's tables back into their starting state before each operation. */
final class BulkTables {
    private BulkTables() {}

    /** W4 starts from an empty table. */
    static void emptyEvents(DataSource dataSource) throws SQLException {
        execute(dataSource, "TRUNCATE bench_events");
    }

    /** W5 starts with every even key of the input present, so half of the input conflicts. */
    static void resetAccounts(DataSource dataSource) throws SQLException {
        execute(dataSource, "TRUNCATE bench_accounts");
        execute(dataSource, "INSERT INTO bench_accounts SELECT g, 'user' || g || '@example.com', 0, 'new',"
                + " timestamptz '2024-01-01 00:00:00+00' FROM generate_series(2, " + BenchSettings.bulkRows() + ", 2) g");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement stmt = connection.createStatement()) {
            stmt.execute(sql);
        }
    }
}
