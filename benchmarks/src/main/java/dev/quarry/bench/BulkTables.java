package dev.quarry.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Puts W4's, W5's and W9's tables back into their starting state. */
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

    /**
     * W9 starts from every row at update round 0 (the values {@link Invoice#changed} gives for round
     * 0), version 0, in a freshly written table, so every fork meets the same table.
     */
    static void resetInvoices(DataSource dataSource) throws SQLException {
        execute(dataSource, "TRUNCATE bench_invoices");
        execute(dataSource, "INSERT INTO bench_invoices SELECT g, 1 + (g - 1) % 1000,"
                + " (ARRAY['open', 'paid', 'shipped', 'refunded'])[g % 4 + 1], ((g * 37) % 10000000) / 100.0, 0"
                + " FROM generate_series(1, " + BenchSettings.bulkRows() + ") g");
        vacuumInvoices(dataSource);
    }

    /**
     * Between W9's operations: each leaves a dead version of every row behind, which VACUUM makes
     * room of again, so the table does not grow from one operation to the next.
     */
    static void vacuumInvoices(DataSource dataSource) throws SQLException {
        execute(dataSource, "VACUUM (ANALYZE) bench_invoices");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement stmt = connection.createStatement()) {
            stmt.execute(sql);
        }
    }
}
