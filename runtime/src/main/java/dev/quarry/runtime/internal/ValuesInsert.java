package dev.quarry.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows with multi-row {@code INSERT … VALUES (?, ?), (?, ?), …} statements, the rewrite
 * pgjdbc's {@code reWriteBatchedInserts} would make, done here so it does not depend on how the
 * user configured the connection. PostgreSQL's protocol caps a statement at 65 535 parameters,
 * so a statement holds at most {@code min(chunkSize, 65535 / columns)} rows.
 */
final class ValuesInsert {
    static final int MAX_PARAMETERS = 65_535;

    private ValuesInsert() {}

    static <T> long write(Core core, Connection connection, String method, BulkTable table, String prefix,
                          String rowTemplate, BulkRows<T> rows, int chunkSize, RowWriter<? super T> writer)
            throws SQLException {
        // so that a value refused for its type can be traced to its column
        boolean[] untypedText = table.untypedText(core, connection);
        int columns = table.columnCount();
        int perStatement = Math.max(1, Math.min(chunkSize, MAX_PARAMETERS / columns));
        int known = rows.knownSize();
        List<T> group = new ArrayList<>(known > 0 ? Math.min(known, perStatement) : Math.min(perStatement, 1024));
        ValuesBinder binder = new ValuesBinder(untypedText);
        RowBytes bytes = new RowBytes();
        PreparedStatement full = null;
        String described = describe(prefix, rowTemplate, perStatement);
        long total = 0;
        try {
            while (rows.hasNext()) {
                group.clear();
                bytes.clear();
                // cut short when the values approach the byte bound, as large text or bytea can
                while (group.size() < perStatement && bytes.bytes() < BulkWrites.MAX_CHUNK_BYTES && rows.hasNext()) {
                    T row = rows.next(method);
                    writer.write(row, bytes);
                    group.add(row);
                }
                // Only the last statement of a call can be short; the full one is prepared once and reused.
                boolean isFull = group.size() == perStatement;
                described = describe(prefix, rowTemplate, group.size());
                if (isFull && full == null) {
                    full = connection.prepareStatement(statement(prefix, rowTemplate, perStatement));
                }
                PreparedStatement stmt = isFull ? full : connection.prepareStatement(
                        statement(prefix, rowTemplate, group.size()));
                try {
                    binder.target(stmt);
                    for (int i = 0; i < group.size(); i++) {
                        try {
                            writer.write(group.get(i), binder);
                        } catch (RefusedValue e) {
                            throw e.at(RefusedValue.column(table.column((binder.bound() - 1) % columns),
                                    rows.taken() - group.size() + i, rows.parameter()));
                        }
                    }
                    if (binder.bound() != group.size() * columns) {
                        throw new IllegalStateException(method + ": the row writer bound " + binder.bound()
                                + " values for " + group.size() + " rows of " + columns + " columns");
                    }
                    long start = System.nanoTime();
                    long written = stmt.executeLargeUpdate();
                    SqlLog.executed(method, described, binder.bound(), written, start);
                    total += written;
                } finally {
                    if (!isFull) {
                        stmt.close();
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, method, described, table.failedColumns(core, e, true));
        } finally {
            if (full != null) {
                full.close();
            }
        }
        return total;
    }

    /** {@code prefix} followed by {@code rows} copies of the row template, comma-separated. */
    static String statement(String prefix, String rowTemplate, int rows) {
        StringBuilder sql = new StringBuilder(prefix.length() + rows * (rowTemplate.length() + 2));
        sql.append(prefix);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(rowTemplate);
        }
        return sql.toString();
    }

    /** The statement as logs and exceptions show it: one row template and the row count, not thousands. */
    private static String describe(String prefix, String rowTemplate, int rows) {
        return prefix + rowTemplate + (rows > 1 ? ", … (" + rows + " rows)" : "");
    }
}
