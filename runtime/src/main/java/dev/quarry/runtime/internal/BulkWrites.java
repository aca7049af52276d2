package dev.quarry.runtime.internal;

import dev.quarry.annotations.Isolation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What generated {@code @Insert}, {@code @Upsert} and {@code @Batch} methods call: one entry
 * point per strategy, each taking the SQL the processor wrote, the input, the chunk size and the
 * generated row writer.
 *
 * <pre>{@code
 * return BulkWrites.copy(_core, INSERT_ORDERS, INSERT_ORDERS_TABLE, INSERT_ORDERS_COPY_SQL,
 *         BulkRows.of(orders, "orders"), 10000, INSERT_ORDERS_ROW);
 * }</pre>
 *
 * <p>Every call is atomic. Its chunks run in one transaction: the caller's (inside a savepoint,
 * so that a failure takes back this call's rows and leaves the caller's transaction usable) or a
 * new one. An empty input runs no SQL and returns 0 (or an empty list); the input is closed before
 * the call commits (so that a failure closing it writes nothing), or when the call fails.
 */
public final class BulkWrites {
    /**
     * Under AUTO, a {@code Collection} of at least this many rows (or any {@code Stream}, whose
     * size is unknown) goes through COPY. Measured on PostgreSQL 17 (embedded, local socket):
     * for a narrow 5-column row, COPY and UNNEST take the same time up to about 1 000-2 000 rows
     * (12 ms each for 1 000) and COPY pulls ahead beyond (5 000 rows: 26-29 ms against 37 ms);
     * for a wide 23-column row COPY wins at every size (10 000 rows: 55-90 ms against 145-265 ms).
     * Below the threshold UNNEST is kept because it is one ordinary statement, with nothing to
     * check in the catalog first.
     */
    public static final int AUTO_COPY_THRESHOLD = 1_000;

    /**
     * An UNNEST or VALUES statement is cut, whatever its row count, once the values it holds pass
     * about this many bytes (text and bytea counted by length): PostgreSQL refuses a message of
     * 1 GB or more, and the chunk is held in memory on both sides. 64 MB keeps a statement far
     * from the limit while its own overhead stays negligible.
     */
    static final long MAX_CHUNK_BYTES = 64L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(BulkWrites.class);

    private BulkWrites() {}

    /** Work on the call's connection, inside its transaction. */
    @FunctionalInterface
    interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    /** {@code COPY table (columns) FROM STDIN (FORMAT binary)}, one COPY per chunk; returns rows written. */
    public static <T> long copy(Core core, String method, BulkTable table, String sql, BulkRows<T> rows,
                                int chunkSize, RowWriter<? super T> writer) {
        checkChunkSize(chunkSize, method);
        return run(core, method, sql, rows, 0L,
                connection -> CopyInsert.write(core, connection, method, table, sql, rows, chunkSize, writer));
    }

    /** {@code INSERT … SELECT * FROM unnest(?::type[], …)}, one statement per chunk; returns rows written. */
    public static <T> long unnest(Core core, String method, BulkTable table, String sql, BulkRows<T> rows,
                                  int chunkSize, RowWriter<? super T> writer) {
        checkChunkSize(chunkSize, method);
        return run(core, method, sql, rows, 0L, connection ->
                UnnestInsert.write(core, connection, method, table, sql, rows, chunkSize, writer, null, null));
    }

    /** UNNEST with a RETURNING clause; the returned rows in the order the statements wrote them. */
    public static <T, R> List<R> unnestReturning(Core core, String method, BulkTable table, String sql,
                                                 BulkRows<T> rows, int chunkSize, RowWriter<? super T> writer,
                                                 RowMapper<R> returned) {
        checkChunkSize(chunkSize, method);
        List<R> results = new ArrayList<>(Math.max(0, rows.knownSize()));
        return run(core, method, sql, rows, results, connection -> {
            UnnestInsert.write(core, connection, method, table, sql, rows, chunkSize, writer, returned, results);
            return results;
        });
    }

    /**
     * COPY for a {@code Stream}, or a {@code Collection} of at least {@link #AUTO_COPY_THRESHOLD}
     * rows, when every column takes the type its component writes; UNNEST otherwise, and for a
     * {@code Stream} while a stream of the same transaction is still reading its cursor.
     */
    public static <T> long auto(Core core, String method, BulkTable table, String copySql, String unnestSql,
                                BulkRows<T> rows, int chunkSize, RowWriter<? super T> writer) {
        checkChunkSize(chunkSize, method);
        boolean large = rows.isStream() || rows.knownSize() >= AUTO_COPY_THRESHOLD;
        if (!large) {
            return unnest(core, method, table, unnestSql, rows, chunkSize, writer);
        }
        return run(core, method, copySql, rows, 0L, connection -> {
            Transaction tx = core.currentTransaction();
            String stream = rows.isStream() && tx != null ? tx.openStream() : null;
            if (stream != null) {
                // the input may be that stream: it can fetch its rows between UNNEST statements, never during a COPY
                LOG.debug("{}: AUTO writes with UNNEST instead of COPY: the stream of {} reads on the same connection",
                        method, stream);
                return UnnestInsert.write(core, connection, method, table, unnestSql, rows, chunkSize, writer, null, null);
            }
            String mismatch = table.copyMismatch(core, connection);
            if (mismatch == null) {
                return CopyInsert.write(core, connection, method, table, copySql, rows, chunkSize, writer);
            }
            LOG.debug("{}: AUTO writes with UNNEST instead of COPY: {}", method, mismatch);
            return UnnestInsert.write(core, connection, method, table, unnestSql, rows, chunkSize, writer, null, null);
        });
    }

    /**
     * Multi-row {@code INSERT … VALUES}: {@code prefix} ({@code INSERT INTO t (a, b) VALUES }) and
     * the row template ({@code (?, ?)}) repeated for as many rows as a statement holds.
     */
    public static <T> long values(Core core, String method, BulkTable table, String prefix, String rowTemplate,
                                  BulkRows<T> rows, int chunkSize, RowWriter<? super T> writer) {
        checkChunkSize(chunkSize, method);
        return run(core, method, prefix + rowTemplate, rows, 0L, connection ->
                ValuesInsert.write(core, connection, method, table, prefix, rowTemplate, rows, chunkSize, writer));
    }

    /**
     * {@code INSERT … SELECT DISTINCT ON (key) … FROM unnest(…) … ON CONFLICT …}, each chunk
     * de-duplicated on {@code keyOrder} (which also orders the chunks of a collection) and sent in
     * input order; the statement keeps the last row of each {@code key} as PostgreSQL compares it.
     * {@code nullKey}, when not {@code null}, tells rows whose key has a NULL component: those
     * never conflict, so they are never merged. {@code touched} ({@code null}: none) are the
     * columns the statement sets to {@code now()}: the row writer writes them, but they are not sent.
     */
    public static <T> long upsert(Core core, String method, BulkTable table, String sql, BulkRows<T> rows,
                                  int chunkSize, RowWriter<? super T> writer, int[] touched, UpsertKey key,
                                  Comparator<? super T> keyOrder, Predicate<? super T> nullKey) {
        checkChunkSize(chunkSize, method);
        return run(core, method, sql, rows, 0L, connection -> UnnestInsert.writeChunks(core, connection, method, table, sql,
                new UpsertChunks<>(rows, method, chunkSize, keyOrder, nullKey), chunkSize, writer, touched, key,
                null, null));
    }

    /** An upsert with a RETURNING clause: one returned row per row inserted or updated, in key order. */
    public static <T, R> List<R> upsertReturning(Core core, String method, BulkTable table, String sql,
                                                 BulkRows<T> rows, int chunkSize, RowWriter<? super T> writer,
                                                 int[] touched, UpsertKey key, Comparator<? super T> keyOrder,
                                                 Predicate<? super T> nullKey, RowMapper<R> returned) {
        checkChunkSize(chunkSize, method);
        List<R> results = new ArrayList<>();
        return run(core, method, sql, rows, results, connection -> {
            UnnestInsert.writeChunks(core, connection, method, table, sql,
                    new UpsertChunks<>(rows, method, chunkSize, keyOrder, nullKey), chunkSize, writer, touched, key,
                    returned, results);
            return results;
        });
    }

    /**
     * A {@code @Batch} statement run once per element, as JDBC batches of {@code chunkSize}; returns
     * the affected rows. When the driver does not report them ({@code reWriteBatchedInserts=true}
     * makes pgjdbc answer {@code SUCCESS_NO_INFO} for the INSERTs it rewrites), the call fails
     * rather than return a wrong count, and nothing of it is written.
     */
    public static <T> long batch(Core core, String method, String sql, BulkRows<T> rows, int chunkSize,
                                 StatementBinder<? super T> binder) {
        return batch(core, method, sql, rows, chunkSize, binder, true);
    }

    /** {@link #batch} for a method that returns nothing, and so needs no count from the driver. */
    public static <T> void batchIgnoringCount(Core core, String method, String sql, BulkRows<T> rows, int chunkSize,
                                              StatementBinder<? super T> binder) {
        batch(core, method, sql, rows, chunkSize, binder, false);
    }

    private static <T> long batch(Core core, String method, String sql, BulkRows<T> rows, int chunkSize,
                                  StatementBinder<? super T> binder, boolean counted) {
        checkChunkSize(chunkSize, method);
        return run(core, method, sql, rows, 0L, connection -> {
            long total = 0;
            try (PreparedStatement stmt = connection.prepareStatement(sql)) {
                while (rows.hasNext()) {
                    int statements = 0;
                    for (; statements < chunkSize && rows.hasNext(); statements++) {
                        binder.bind(stmt, rows.next(method));
                        stmt.addBatch();
                    }
                    long start = System.nanoTime();
                    long affected = 0;
                    for (long count : stmt.executeLargeBatch()) {
                        if (count == Statement.SUCCESS_NO_INFO && counted) {
                            throw new dev.quarry.runtime.DataException(method + ": the driver did not report how many "
                                    + "rows the batch changed (SUCCESS_NO_INFO), as pgjdbc does for the INSERTs it "
                                    + "rewrites when the connection URL sets reWriteBatchedInserts=true; no row of this "
                                    + "call is written. Declare the method void, or remove reWriteBatchedInserts from "
                                    + "the URL (bulk writes with @Insert do not need it)", null, sql, method, null);
                        }
                        affected += Math.max(0, count);
                    }
                    SqlLog.executed(method, sql + " (batch of " + statements + ")", 0, affected, start);
                    total += affected;
                }
            } catch (SQLException e) {
                throw SqlErrors.translate(e, method, sql);
            }
            return total;
        });
    }

    /**
     * The one row an insert of one record returned, for methods that return it as it is
     * ({@code @Insert(returning = "id") long add(NewAuthor author)}). None is possible only when a
     * trigger skipped the row: that is a {@code NoResultException}, never a made-up value.
     */
    public static <R> R one(List<R> returned, String method) {
        if (returned.size() != 1) {
            if (returned.isEmpty()) {
                throw new dev.quarry.runtime.NoResultException(null, method);
            }
            throw new dev.quarry.runtime.TooManyResultsException(null, method);
        }
        return returned.get(0);
    }

    /** {@code rows} as an {@code int}, for methods declared to return one. */
    public static int toInt(long rows, String method) {
        if (rows > Integer.MAX_VALUE) {
            throw new dev.quarry.runtime.DataException(method + " wrote " + rows
                    + " rows, more than its int return type holds; declare it to return long");
        }
        return (int) rows;
    }

    static void checkChunkSize(int chunkSize, String method) {
        // The processor rejects a chunk size below 1; this guards hand-written callers.
        if (chunkSize < 1) {
            throw new IllegalArgumentException(method + ": chunkSize must be at least 1, was " + chunkSize);
        }
    }

    /**
     * Runs {@code work} in a transaction, unless the input is empty. Inside the caller's
     * transaction the work runs in a savepoint that a failure rolls back to. The input is closed
     * inside the transaction, before the commit, so that a failure closing it (a stream's
     * {@code onClose}) takes back the rows too.
     */
    static <T, R> R run(Core core, String method, String sql, BulkRows<T> rows, R empty, Work<R> work) {
        Instruments watching = core.instruments();
        if (watching == null) {
            return runOnce(core, method, sql, rows, empty, work);
        }
        // the call, its commit included, is one observation; the acquire inside enters it again
        Call call = Call.enter(watching, method);
        R result;
        try {
            result = runOnce(core, method, sql, rows, empty, work);
        } catch (RuntimeException | Error e) {
            call.end(e);
            throw e;
        }
        call.succeeded();
        call.exit();
        return result;
    }

    private static <T, R> R runOnce(Core core, String method, String sql, BulkRows<T> rows, R empty, Work<R> work) {
        try (rows) {
            if (!rows.hasNext()) {
                return empty;
            }
            boolean joined = core.inTransaction();
            Work<R> closing = connection -> {
                R result = work.run(connection);
                rows.close();
                return result;
            };
            return core.transaction(method, Isolation.DEFAULT, false, 0, () -> {
                Connection connection = core.acquire(method);
                try {
                    return joined ? inSavepoint(connection, closing) : closing.run(connection);
                } catch (SQLException e) {
                    throw SqlErrors.translate(e, method, sql);
                } finally {
                    core.release(connection);
                }
            }, false);
        }
    }

    private static <R> R inSavepoint(Connection connection, Work<R> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            R result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
                // the caller's transaction is usable again: its commit must not be refused for this failure
                Transaction.recovered();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }
}
