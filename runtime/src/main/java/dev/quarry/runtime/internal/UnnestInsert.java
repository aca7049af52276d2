package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * Writes rows with one {@code INSERT … SELECT * FROM unnest(?::type[], …)} per chunk: one array
 * parameter per column. With a {@link RowMapper}, the statement has a RETURNING clause and its
 * rows are collected, chunk after chunk.
 */
final class UnnestInsert {
    private UnnestInsert() {}

    /** Rows straight from the input, {@code chunkSize} at a time. */
    static <T, R> long write(Core core, Connection connection, String method, BulkTable table, String statement,
                             BulkRows<T> rows, int chunkSize, RowWriter<? super T> writer, RowMapper<R> returned,
                             List<R> results) throws SQLException {
        BaseConnection pg = extendedProtocol(connection, method);
        String sql = table.unnestSql(core, connection, statement, null);
        UnnestColumns columns = new UnnestColumns(table.columnCount(), chunkSize, null);
        long total = 0;
        try (PreparedStatement stmt = connection.prepareStatement(sql)) {
            while (rows.hasNext()) {
                columns.clear();
                while (!columns.full() && rows.hasNext()) {
                    add(columns, rows.next(method), writer, method, table, rows);
                }
                total += execute(stmt, pg, columns, method, sql, returned, results);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, method, sql, table.failedColumns(core, e));
        }
        return total;
    }

    /**
     * An upsert's rows, already cut into chunks (de-duplicated, each in input order, which the
     * statement's row numbers stand for). The columns in {@code unsent} ({@code null}: none) are
     * written by the row writer but have no array in the statement, which sets them itself.
     */
    static <T, R> long writeChunks(Core core, Connection connection, String method, BulkTable table, String statement,
                                   Iterator<List<T>> chunks, int chunkSize, RowWriter<? super T> writer, int[] unsent,
                                   UpsertKey key, RowMapper<R> returned, List<R> results) throws SQLException {
        BaseConnection pg = extendedProtocol(connection, method);
        String sql = table.upsertSql(core, connection, statement, unsent, key);
        UnnestColumns columns = new UnnestColumns(table.columnCount(), chunkSize, unsent);
        long total = 0;
        try (PreparedStatement stmt = connection.prepareStatement(sql)) {
            while (chunks.hasNext()) {
                columns.clear();
                for (T row : chunks.next()) {
                    // a chunk of large values goes in several statements, each under the byte bound
                    if (columns.full()) {
                        total += execute(stmt, pg, columns, method, sql, returned, results);
                        columns.clear();
                    }
                    add(columns, row, writer, method, table, null);
                }
                total += execute(stmt, pg, columns, method, sql, returned, results);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, method, sql, table.failedColumns(core, e));
        }
        return total;
    }

    /**
     * The driver's connection, refused when it runs in pgjdbc's simple query mode: that mode writes
     * parameters into the SQL text, and it has no text for a binary array parameter (it leaves a
     * bare {@code ?}, and the server reports a syntax error).
     */
    static BaseConnection extendedProtocol(Connection connection, String method) throws SQLException {
        BaseConnection pg = connection.unwrap(BaseConnection.class);
        if (pg.getPreferQueryMode() == PreferQueryMode.SIMPLE) {
            throw new DataException(method + ": UNNEST writes and upserts send each column as one binary array, which "
                    + "pgjdbc cannot send with preferQueryMode=simple; remove preferQueryMode=simple from the "
                    + "connection settings (or write with InsertStrategy.COPY or BATCH)", null, null, method, null);
        }
        return pg;
    }

    /** Adds one row; a value refused is named by its column and, when {@code rows} is given, its input element. */
    static <T> void add(UnnestColumns columns, T row, RowWriter<? super T> writer, String method,
                                BulkTable table, BulkRows<?> rows) throws SQLException {
        columns.beginRow();
        try {
            writer.write(row, columns);
        } catch (RefusedValue e) {
            throw e.at(RefusedValue.column(table.column(columns.lastColumn()), rows == null ? -1 : rows.taken() - 1,
                    rows == null ? null : rows.parameter()));
        }
        if (!columns.endRow()) {
            throw new IllegalStateException(method + ": the row writer did not write one value per column");
        }
    }

    static <R> long execute(PreparedStatement stmt, BaseConnection pg, UnnestColumns columns, String method,
                                    String sql, RowMapper<R> returned, List<R> results) throws SQLException {
        columns.bind(stmt, pg);
        long start = System.nanoTime();
        long rows;
        if (returned == null) {
            rows = stmt.executeLargeUpdate();
        } else {
            rows = 0;
            try (ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    results.add(returned.map(rs));
                    rows++;
                }
            }
        }
        SqlLog.executed(method, sql, columns.parameterCount(), rows, start);
        return rows;
    }
}
