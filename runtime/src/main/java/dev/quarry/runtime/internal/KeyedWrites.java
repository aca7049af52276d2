package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.NoResultException;
import dev.quarry.runtime.OptimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.postgresql.core.BaseConnection;

/**
 * {@code @Update} and {@code @Delete}: rows matched by their {@code @Id}, one statement per chunk
 * ({@code UPDATE … FROM unnest(…)}, {@code DELETE … USING unnest(…)}), returning the ids it wrote.
 * Each chunk of more than one row first locks its rows in key order; a collection is sorted whole,
 * so two calls over the same rows in any order never deadlock (a stream is sorted chunk by chunk:
 * two streams over the same rows can meet in opposite chunk orders, which PostgreSQL reports as a
 * deadlock, SQLSTATE 40P01). Ids the statement did not write are looked up: a row that is
 * there (its {@code @Version} moved on) is an {@link OptimisticLockException}; a row that is not is
 * counted as 0, or a {@link NoResultException} for a method that returns nothing. Either failure
 * takes back the whole call, which is atomic like every bulk write.
 */
public final class KeyedWrites {
    private KeyedWrites() {}

    /**
     * The statements of one method, written at build time.
     *
     * @param table the columns the arrays carry, in order, with the table
     * @param write the UPDATE or DELETE, {@code RETURNING} the ids it wrote
     * @param lock {@code SELECT 1 FROM t WHERE id = ANY(?) ORDER BY id FOR UPDATE}
     * @param existing {@code SELECT id FROM t WHERE id = ANY(?)}
     * @param idType the array element type the ids are sent as ({@code int8})
     * @param versioned whether rows are matched by version too, so that a row not written may be stale
     */
    public record Statements(BulkTable table, String write, String lock, String existing, String idType,
                             boolean versioned) {}

    /** What a write does about an input element that has the same id as one before it. */
    public enum Repeats {
        /** The same row twice is ambiguous (which values win?): the call fails. */
        REFUSE,
        /** Id values: deleting one twice is deleting it once. */
        MERGE
    }

    /**
     * Writes {@code rows}; returns the rows written.
     *
     * @param key the id of an element, as the statement returns it
     * @param failMissing whether an id with no row fails the call (a {@code void} method) rather than count 0
     */
    public static <T> long write(Core core, String method, Statements statements, BulkRows<T> rows, int chunkSize,
                                 RowWriter<? super T> writer, Function<? super T, ?> key, Repeats repeats,
                                 boolean failMissing) {
        return write(core, method, statements, rows, chunkSize, writer, key, repeats, failMissing, null, null);
    }

    /**
     * Writes {@code rows} and returns the rows as written, in id order: the statement returns the id
     * first, then the columns {@code returned} reads (from column 2 on).
     */
    public static <T, R> List<R> writeReturning(Core core, String method, Statements statements, BulkRows<T> rows,
                                                int chunkSize, RowWriter<? super T> writer, Function<? super T, ?> key,
                                                RowMapper<R> returned) {
        List<R> results = new ArrayList<>(Math.max(0, rows.knownSize()));
        write(core, method, statements, rows, chunkSize, writer, key, Repeats.REFUSE, false, returned, results);
        return results;
    }

    /** A row the statement returned: its id, and the row as mapped when the method returns rows. */
    private record Written<R>(Object id, R row) {}

    private static <T, R> long write(Core core, String method, Statements statements, BulkRows<T> rows, int chunkSize,
                                     RowWriter<? super T> writer, Function<? super T, ?> key, Repeats repeats,
                                     boolean failMissing, RowMapper<R> mapper, List<R> results) {
        BulkWrites.checkChunkSize(chunkSize, method);
        RowMapper<Written<R>> written = rs -> new Written<>(rs.getObject(1), mapper == null ? null : mapper.map(rs));
        return BulkWrites.run(core, method, statements.write(), rows, 0L, connection -> {
            BaseConnection pg = UnnestInsert.extendedProtocol(connection, method);
            BulkTable table = statements.table();
            String sql = table.unnestSql(core, connection, statements.write(), null);
            UnnestColumns columns = new UnnestColumns(table.columnCount(), chunkSize, null);
            long total = 0;
            // a collection is in memory already: sorted whole, its chunks lock in one key order, as every
            // other call's do; a stream's rows are sorted a chunk at a time
            List<T> sorted = rows.isStream() ? null : chunk(rows, Integer.MAX_VALUE, key, repeats, method);
            int next = 0;
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                while (sorted == null ? rows.hasNext() : next < sorted.size()) {
                    List<T> chunk;
                    if (sorted == null) {
                        chunk = chunk(rows, chunkSize, key, repeats, method);
                    } else {
                        chunk = sorted.subList(next, Math.min(sorted.size(), next + chunkSize));
                        next += chunk.size();
                    }
                    if (chunk.size() > 1) {
                        lock(connection, statements, chunk, key, method);
                    }
                    List<Written<R>> returned = new ArrayList<>(chunk.size());
                    columns.clear();
                    for (T row : chunk) {
                        // a chunk of large values goes in several statements, each under the byte bound
                        if (columns.full()) {
                            UnnestInsert.execute(write, pg, columns, method, sql, written, returned);
                            columns.clear();
                        }
                        UnnestInsert.add(columns, row, writer, method, table, null);
                    }
                    UnnestInsert.execute(write, pg, columns, method, sql, written, returned);
                    total += returned.size();
                    if (returned.size() < chunk.size()) {
                        Set<Object> ids = new HashSet<>();
                        returned.forEach(w -> ids.add(w.id()));
                        unwritten(connection, statements, chunk, key, ids, method, failMissing);
                    }
                    if (results != null) {
                        // the statement returns rows in the order of its plan: give them in the chunk's
                        returned.sort(Comparator.comparing(w -> comparable(w.id())));
                        returned.forEach(w -> results.add(w.row()));
                    }
                }
            } catch (SQLException e) {
                throw SqlErrors.translate(e, method, sql, table.failedColumns(core, e));
            }
            return total;
        });
    }

    /** The next chunk (of at most {@code chunkSize} rows) in key order; an id twice is refused or merged. */
    private static <T> List<T> chunk(BulkRows<T> rows, int chunkSize, Function<? super T, ?> key, Repeats repeats,
                                     String method) {
        List<T> chunk = new ArrayList<>(Math.min(chunkSize, 1024));
        while (chunk.size() < chunkSize && rows.hasNext()) {
            chunk.add(rows.next(method));
        }
        chunk.sort(Comparator.comparing(row -> comparable(key.apply(row))));
        List<T> unique = new ArrayList<>(chunk.size());
        Object previous = null;
        for (T row : chunk) {
            Object id = key.apply(row);
            if (id.equals(previous)) {
                if (repeats == Repeats.MERGE) {
                    continue;
                }
                throw new DataException(method + ": id " + id + " appears twice in the input; a row is written once per "
                        + "call, so which values it should take is not clear. Nothing of this call was written",
                        null, null, method, null);
            }
            unique.add(row);
            previous = id;
        }
        return unique;
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object id) {
        if (id == null) {
            throw new IllegalStateException("a null id passed the row checks");
        }
        return (Comparable<Object>) id;
    }

    /** Locks the chunk's rows in the table's key order, the order every call takes them in. */
    private static <T> void lock(Connection connection, Statements statements, List<T> chunk,
                                 Function<? super T, ?> key, String method) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(statements.lock())) {
            Binders.setArray(lock, 1, statements.idType(), chunk.stream().map(key).toList(), method, "id");
            long start = System.nanoTime();
            int locked = 0;
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    locked++;
                }
            }
            SqlLog.executed(method, statements.lock(), 1, locked, start);
        }
    }

    /**
     * The ids of the chunk that the statement did not write: those whose rows exist were stale;
     * the others have no row.
     */
    private static <T> void unwritten(Connection connection, Statements statements, List<T> chunk,
                                      Function<? super T, ?> key, Set<Object> written, String method,
                                      boolean failMissing) throws SQLException {
        List<Object> unwritten = new ArrayList<>();
        for (T row : chunk) {
            Object id = key.apply(row);
            if (!written.contains(id)) {
                unwritten.add(id);
            }
        }
        Set<Object> existing = new HashSet<>();
        if (statements.versioned()) {
            try (PreparedStatement stmt = connection.prepareStatement(statements.existing())) {
                Binders.setArray(stmt, 1, statements.idType(), unwritten, method, "id");
                long start = System.nanoTime();
                try (ResultSet rs = stmt.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getObject(1));
                    }
                }
                SqlLog.executed(method, statements.existing(), 1, existing.size(), start);
            }
        }
        List<Object> stale = unwritten.stream().filter(existing::contains).toList();
        if (!stale.isEmpty()) {
            throw new OptimisticLockException(method, stale);
        }
        if (failMissing) {
            throw new NoResultException(statements.write(), method, unwritten);
        }
    }
}
