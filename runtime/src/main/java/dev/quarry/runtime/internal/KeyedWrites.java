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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.postgresql.core.BaseConnection;

/**
 * {@code @Update} and {@code @Delete}: rows matched by their {@code @Id}, one statement per chunk
 * ({@code UPDATE … FROM unnest(…)}, {@code DELETE … USING unnest(…)}).
 * Each chunk of more than one row first locks its rows in key order and reads their versions; a
 * collection is sorted whole, so two calls over the same rows in any order never deadlock (a stream
 * is sorted chunk by chunk: two streams over the same rows can meet in opposite chunk orders, which
 * PostgreSQL reports as a deadlock, SQLSTATE 40P01). The lock tells which ids have no row and which
 * rows are stale (their {@code @Version} moved on) before anything is written, and the write's count
 * is then checked against it. A chunk of one row is written unlocked; if it writes nothing, a lookup
 * tells stale from missing. A stale row is an {@link OptimisticLockException}; an id with no row is
 * counted as 0, or a {@link NoResultException} for a method that returns nothing. Either failure
 * takes back the whole call, which is atomic like every bulk write.
 */
public final class KeyedWrites {
    private KeyedWrites() {}

    /**
     * The statements of one method, written at build time.
     *
     * @param table the columns the arrays carry, in order, with the table
     * @param write the UPDATE or DELETE; it returns the id and the row as written only for a method
     *              that returns rows
     * @param lock {@code SELECT id, version FROM t WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE}
     *             (no version column when the method's rows have no {@code @Version})
     * @param existing {@code SELECT id FROM t WHERE id = ANY(?)}
     * @param idType the array element type the ids are sent as ({@code int8})
     */
    public record Statements(BulkTable table, String write, String lock, String existing, String idType) {}

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
     * @param version the {@code @Version} of an element, or {@code null} when rows are not versioned
     *                (matched by id alone, so that a row not written is one that is not there)
     * @param failMissing whether an id with no row fails the call (a {@code void} method) rather than count 0
     */
    public static <T> long write(Core core, String method, Statements statements, BulkRows<T> rows, int chunkSize,
                                 RowWriter<? super T> writer, Function<? super T, ?> key,
                                 Function<? super T, ? extends Number> version, Repeats repeats, boolean failMissing) {
        return write(core, method, statements, rows, chunkSize, writer, key, version, repeats, failMissing, null, null);
    }

    /**
     * Writes {@code rows} and returns the rows as written, in id order: the statement returns the id
     * first, then the columns {@code returned} reads (from column 2 on).
     */
    public static <T, R> List<R> writeReturning(Core core, String method, Statements statements, BulkRows<T> rows,
                                                int chunkSize, RowWriter<? super T> writer, Function<? super T, ?> key,
                                                Function<? super T, ? extends Number> version, RowMapper<R> returned) {
        List<R> results = new ArrayList<>(Math.max(0, rows.knownSize()));
        write(core, method, statements, rows, chunkSize, writer, key, version, Repeats.REFUSE, false, returned, results);
        return results;
    }

    /** A row the statement returned: its id, and the row as mapped. */
    private record Written<R>(Object id, R row) {}

    private static <T, R> long write(Core core, String method, Statements statements, BulkRows<T> rows, int chunkSize,
                                     RowWriter<? super T> writer, Function<? super T, ?> key,
                                     Function<? super T, ? extends Number> version, Repeats repeats,
                                     boolean failMissing, RowMapper<R> mapper, List<R> results) {
        BulkWrites.checkChunkSize(chunkSize, method);
        RowMapper<Written<R>> written = mapper == null ? null : rs -> new Written<>(rs.getObject(1), mapper.map(rs));
        return BulkWrites.run(core, method, statements.write(), rows, 0L, connection -> {
            BaseConnection pg = UnnestInsert.extendedProtocol(connection, method);
            BulkTable table = statements.table();
            String sql = table.unnestSql(core, connection, statements.write(), null);
            UnnestColumns columns = new UnnestColumns(table.columnCount(), chunkSize, null);
            List<Written<R>> returned = written == null ? null : new ArrayList<>();
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
                    // rows the lock found, fresh: what the write must write, exactly
                    long expected = chunk.size() > 1
                            ? lock(connection, statements, chunk, key, version, method, failMissing) : -1;
                    long count = 0;
                    columns.clear();
                    for (T row : chunk) {
                        // a chunk of large values goes in several statements, each under the byte bound
                        if (columns.full()) {
                            count += UnnestInsert.execute(write, pg, columns, method, sql, written, returned);
                            columns.clear();
                        }
                        UnnestInsert.add(columns, row, writer, method, table, null);
                    }
                    count += UnnestInsert.execute(write, pg, columns, method, sql, written, returned);
                    if (expected >= 0 && count != expected) {
                        throw new DataException(method + ": wrote " + count + " rows of the " + expected
                                + " it had locked and found current (a trigger or a row security policy may have "
                                + "kept some from being written). Nothing of this call was written", null, sql,
                                method, null);
                    }
                    if (expected < 0 && count < chunk.size()) {
                        unwritten(connection, statements, chunk.get(0), key, version != null, method, failMissing);
                    }
                    total += count;
                    if (returned != null) {
                        // the statement returns rows in the order of its plan: give them in the chunk's
                        returned.sort(Comparator.comparing(w -> comparable(w.id())));
                        returned.forEach(w -> results.add(w.row()));
                        returned.clear();
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

    /**
     * Locks the chunk's rows in the table's key order, the order every call takes them in, and
     * reads each one's version: a stale row fails the call before anything is written, as does an
     * id with no row when {@code failMissing}. Returns how many rows the write must write.
     */
    private static <T> long lock(Connection connection, Statements statements, List<T> chunk,
                                 Function<? super T, ?> key, Function<? super T, ? extends Number> version,
                                 String method, boolean failMissing) throws SQLException {
        Map<Object, Long> locked = new HashMap<>(chunk.size() * 4 / 3 + 1);
        try (PreparedStatement lock = connection.prepareStatement(statements.lock())) {
            Binders.setArray(lock, 1, statements.idType(), chunk.stream().map(key).toList(), method, "id");
            long start = System.nanoTime();
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    locked.put(rs.getObject(1), version != null ? rs.getLong(2) : null);
                }
            }
            SqlLog.executed(method, statements.lock(), 1, locked.size(), start);
        }
        if (locked.size() == chunk.size() && version == null) {
            return locked.size();
        }
        List<Object> missing = new ArrayList<>();
        List<Object> stale = new ArrayList<>();
        for (T row : chunk) {
            Object id = key.apply(row);
            if (!locked.containsKey(id)) {
                missing.add(id);
            } else if (version != null && !current(version.apply(row), locked.get(id))) {
                stale.add(id);
            }
        }
        failIfUnwritten(statements, method, stale, missing, failMissing);
        return locked.size();
    }

    /** Whether an element's version is the row's: a null one never is, as {@code version = NULL} matches nothing. */
    private static boolean current(Number sent, Long stored) {
        return sent != null && stored != null && sent.longValue() == stored;
    }

    /**
     * A chunk of one row that wrote nothing: its row is there and stale, or not there (without a
     * version, only the latter).
     */
    private static <T> void unwritten(Connection connection, Statements statements, T row, Function<? super T, ?> key,
                                      boolean versioned, String method, boolean failMissing) throws SQLException {
        List<Object> id = List.of(key.apply(row));
        boolean exists = false;
        if (versioned) {
            try (PreparedStatement stmt = connection.prepareStatement(statements.existing())) {
                Binders.setArray(stmt, 1, statements.idType(), id, method, "id");
                long start = System.nanoTime();
                try (ResultSet rs = stmt.executeQuery()) {
                    exists = rs.next();
                }
                SqlLog.executed(method, statements.existing(), 1, exists ? 1 : 0, start);
            }
        }
        failIfUnwritten(statements, method, exists ? id : List.of(), exists ? List.of() : id, failMissing);
    }

    private static void failIfUnwritten(Statements statements, String method, List<Object> stale,
                                        List<Object> missing, boolean failMissing) {
        if (!stale.isEmpty()) {
            throw new OptimisticLockException(method, stale);
        }
        if (failMissing && !missing.isEmpty()) {
            throw new NoResultException(statements.write(), method, missing);
        }
    }
}
