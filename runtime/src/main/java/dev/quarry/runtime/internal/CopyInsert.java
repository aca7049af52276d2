package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Writes rows with one binary {@code COPY … FROM STDIN} per chunk, streamed as they are read. */
final class CopyInsert {
    /** PostgreSQL's error context for COPY: {@code COPY items, line 3, column id: "…"}. */
    private static final Pattern LINE = Pattern.compile("COPY [^,]+, line (\\d+)");

    private CopyInsert() {}

    static <T> long write(Core core, Connection connection, String method, BulkTable table, String sql,
                          BulkRows<T> rows, int chunkSize, RowWriter<? super T> writer) throws SQLException {
        String mismatch = table.copyMismatch(core, connection);
        if (mismatch != null) {
            throw new DataException(method + ": COPY's binary format needs each component's Java type to match its "
                    + "column: " + mismatch + "; change the component's type or use InsertStrategy.UNNEST",
                    null, sql, method, null);
        }
        CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(table.jsonb(core, connection),
                table.elementOids(core, connection));
        int columns = table.columnCount();
        long total = 0;
        while (rows.hasNext()) {
            long chunkStart = rows.taken();
            long start = System.nanoTime();
            CopyIn copy = null;
            try {
                // a call or a stream on this connection fed into the COPY must fail, not wait for it forever
                CopyGuard.started(connection, method);
                copy = copies.copyIn(sql);
                encoder.start(copy);
                for (int n = 0; n < chunkSize && rows.hasNext(); n++) {
                    T row = rows.next(method);
                    encoder.beginRow(columns);
                    try {
                        writer.write(row, encoder);
                    } catch (RefusedValue e) {
                        throw e.at(RefusedValue.column(table.column(encoder.fieldsInRow()), rows.taken() - 1,
                                rows.parameter()));
                    }
                    if (encoder.fieldsInRow() != columns) {
                        throw new IllegalStateException(method + ": the row writer wrote " + encoder.fieldsInRow()
                                + " values for " + columns + " columns");
                    }
                }
                encoder.finish();
                long written = copy.endCopy();
                SqlLog.executed(method, sql, 0, written, start);
                total += written;
            } catch (SQLException e) {
                cancel(copy, e);
                throw SqlErrors.translate(withInputPosition(e, chunkStart), method, sql);
            } catch (RuntimeException | Error e) {
                // A COPY left open makes the connection unusable for the rollback that follows.
                cancel(copy, e);
                throw e;
            } finally {
                CopyGuard.ended();
            }
        }
        return total;
    }

    private static void cancel(CopyIn copy, Throwable failure) {
        if (copy == null || !copy.isActive()) {
            return;
        }
        try {
            copy.cancelCopy();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * PostgreSQL names the failing line of the current COPY, which counts from 1 in each chunk;
     * the caller wants the element of the whole input, so the message names that too.
     */
    private static SQLException withInputPosition(SQLException e, long chunkStart) {
        if (!(e instanceof PSQLException psql)) {
            return e;
        }
        ServerErrorMessage server = psql.getServerErrorMessage();
        String where = server == null ? null : server.getWhere();
        Matcher line = where == null ? null : LINE.matcher(where);
        if (line == null || !line.find()) {
            return e;
        }
        long element = chunkStart + Long.parseLong(line.group(1)) - 1;
        return new SQLException(e.getMessage() + "\n  Input element: " + element + " (0-based)", e.getSQLState(), e);
    }
}
