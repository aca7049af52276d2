package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link Stream} over a server-side cursor. pgjdbc reads a result in chunks of the fetch size
 * only when autocommit is off, the result set is forward-only and the fetch size is positive;
 * otherwise it buffers every row. This class makes those conditions hold.
 *
 * <p>Outside a transaction the stream owns one pooled connection in a read-only transaction and
 * gives it back when the stream is closed, read to the end, or fails: whichever comes first.
 * Inside a transaction it reads on the transaction's connection and closes only its statement.
 */
public final class CursorStream<T> implements Spliterator<T> {
    /** Binds the statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement stmt) throws SQLException;
    }

    /** Given the open result set (for column positions), returns the row mapper. */
    @FunctionalInterface
    public interface MapperFactory<T> {
        RowMapper<T> create(ResultSet rs) throws SQLException;
    }

    private final Core core;
    private final String method;
    private final String sql;
    private final int binds;
    private final Connection connection;
    private final boolean ownsConnection;
    /** The transaction whose connection the stream reads on, or {@code null} when it owns its own. */
    private final Transaction tx;
    private final long start;
    /** The call's observation and slow-statement check, or {@code null} without instruments. */
    private final Call call;
    private PreparedStatement stmt;
    private ResultSet rs;
    private RowMapper<T> mapper;
    private long rows;
    private boolean closed;
    private boolean done;
    private boolean keepOpenWhenDone;

    private CursorStream(Core core, String method, String sql, int binds, Connection connection, Transaction tx,
                         boolean ownsConnection, Call call) {
        this.call = call;
        this.core = core;
        this.method = method;
        this.sql = sql;
        this.binds = binds;
        this.connection = connection;
        this.tx = tx;
        this.ownsConnection = ownsConnection;
        this.start = System.nanoTime();
    }

    /** Rows one by one. The caller must close the stream (try-with-resources). */
    public static <T> Stream<T> open(Core core, String method, String sql, int binds, int fetchSize, Binder binder,
                                     MapperFactory<T> mappers) {
        CursorStream<T> cursor = start(core, method, sql, binds, fetchSize, binder, mappers);
        return StreamSupport.stream(cursor, false).onClose(cursor::close);
    }

    /** Rows in lists of {@code fetchSize} (the last may be shorter; no rows, no list). */
    public static <T> Stream<List<T>> partitions(Core core, String method, String sql, int binds, int fetchSize,
                                                 Binder binder, MapperFactory<T> mappers) {
        return chunks(start(core, method, sql, binds, fetchSize, binder, mappers), fetchSize);
    }

    private static <T> Stream<List<T>> chunks(CursorStream<T> cursor, int fetchSize) {
        Spliterator<List<T>> chunks = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, ORDERED | NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super List<T>> action) {
                List<T> chunk = new ArrayList<>(fetchSize);
                while (chunk.size() < fetchSize && cursor.tryAdvance(chunk::add)) {
                    // fill the chunk
                }
                if (chunk.isEmpty()) {
                    cursor.close();
                    return false;
                }
                action.accept(chunk);
                return true;
            }
        };
        return StreamSupport.stream(chunks, false).onClose(cursor::close);
    }

    /** Builds the result records of one chunk of parent rows, loading their relations on {@code connection}. */
    @FunctionalInterface
    public interface ChunkAssembler<H, R> {
        List<R> assemble(Connection connection, List<H> parents);
    }

    /**
     * Parents with relations: the cursor's rows are cut into chunks of {@code fetchSize}, and each
     * chunk's relations are loaded on the cursor's own connection before its records are passed on,
     * so memory is bounded by one chunk and its children, never by the result.
     */
    public static <H, R> Stream<R> graph(Core core, String method, String sql, int binds, int fetchSize,
                                         Binder binder, MapperFactory<H> mappers, ChunkAssembler<H, R> assembler) {
        return graphPartitions(core, method, sql, binds, fetchSize, binder, mappers, assembler).flatMap(List::stream);
    }

    /** As {@link #graph}, in lists of {@code fetchSize} records. */
    public static <H, R> Stream<List<R>> graphPartitions(Core core, String method, String sql, int binds,
                                                         int fetchSize, Binder binder, MapperFactory<H> mappers,
                                                         ChunkAssembler<H, R> assembler) {
        CursorStream<H> cursor = start(core, method, sql, binds, fetchSize, binder, mappers);
        // the last chunk's relations still need the connection after the cursor has run dry
        cursor.keepOpenWhenDone = true;
        return chunks(cursor, fetchSize).map(chunk -> {
            List<R> records = assembler.assemble(cursor.connection, chunk);
            if (cursor.done) {
                cursor.close();
            }
            return records;
        });
    }

    private static <T> CursorStream<T> start(Core core, String method, String sql, int binds, int fetchSize,
                                             Binder binder, MapperFactory<T> mappers) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException(method + ": fetch size must be at least 1, was " + fetchSize);
        }
        Transaction tx = core.currentTransaction();
        // inside a framework's transaction (Spring's) the stream reads on its connection, which the framework ends
        Connection joined = tx == null ? core.joinedConnection() : null;
        Instruments watching = core.instruments();
        Call call = watching == null ? null : Call.detached(watching, method);
        Connection connection;
        try {
            connection = tx != null ? tx.connection : joined != null ? joined : core.acquireForRead(method);
        } catch (RuntimeException | Error e) {
            if (call != null) {
                call.end(e);
            }
            throw e;
        }
        CursorStream<T> cursor = new CursorStream<>(core, method, sql, binds, connection, tx, tx == null && joined == null,
                call);
        if (tx != null) {
            tx.streamOpened(cursor);
        }
        try {
            if (cursor.ownsConnection) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
            }
            cursor.stmt = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            cursor.stmt.setFetchSize(fetchSize);
            binder.bind(cursor.stmt);
            cursor.rs = cursor.stmt.executeQuery();
            cursor.mapper = mappers.create(cursor.rs);
            return cursor;
        } catch (SQLException e) {
            DataException failure = SqlErrors.translate(e, method, sql);
            cursor.closeAfter(failure, true);
            throw failure;
        } catch (RuntimeException | Error e) {
            cursor.closeAfter(e, true);
            throw e;
        }
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (closed) {
            return false;
        }
        if (!ownsConnection) {
            checkShared();
        }
        T row;
        try {
            if (done || !rs.next()) {
                done = true;
                if (tx != null) {
                    tx.streamFinished(this);
                }
                if (!keepOpenWhenDone) {
                    close();
                }
                return false;
            }
            row = mapper.map(rs);
        } catch (SQLException e) {
            DataException failure = SqlErrors.translate(e, method, sql);
            closeAfter(failure, true);
            throw failure;
        } catch (RuntimeException | Error e) {
            closeAfter(e, true);
            throw e;
        }
        rows++;
        action.accept(row);
        return true;
    }

    /**
     * A stream inside a transaction (Quarry's or a framework's) reads on the transaction's connection,
     * which must still be in that transaction and free: pgjdbc would report a closed result set after
     * the commit, and would wait forever for a COPY running on the same connection to end.
     */
    private void checkShared() {
        if (tx != null && tx.ended()) {
            DataException failure = new DataException(method + ": the stream's transaction has ended (committed or "
                    + "rolled back), and its cursor with it; a stream opened inside a transaction reads on the "
                    + "transaction's connection and must be consumed inside it", null, sql, method, null);
            closeAfter(failure, true);
            throw failure;
        }
        String copy = CopyGuard.copying(connection);
        if (copy != null) {
            // not closed here: closing the cursor would wait for the COPY too; the caller's close comes after it
            throw new DataException(method + ": cannot read the stream while " + copy + " runs a COPY on the same "
                    + "transaction's connection: the COPY holds the connection until it ends, so the stream could never "
                    + "fetch its next rows; write it with InsertStrategy.UNNEST (AUTO does so by itself), or collect the "
                    + "rows into a list before the COPY", null, sql, method, null);
        }
    }

    String method() {
        return method;
    }

    @Override
    public Spliterator<T> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED;
    }

    /** Ends the cursor and gives the connection back; a failure doing so is thrown after all steps ran. */
    void close() {
        DataException failure = new DataException(method + ": closing the stream failed", null, sql, method, null);
        closeAfter(failure, false);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /**
     * Closes everything, recording what fails on {@code failure} instead of losing it; {@code failed}:
     * the stream ends because of {@code failure}, else only when closing added to it.
     */
    private void closeAfter(Throwable failure, boolean failed) {
        if (closed) {
            return;
        }
        closed = true;
        if (tx != null) {
            tx.streamFinished(this);
        }
        SqlLog.logged(method, sql, binds, rows, start);
        if (call != null) {
            call.statement(sql, rows, start);
        }
        try {
            closeResources(failure);
        } finally {
            if (call != null) {
                call.end(failed || failure.getSuppressed().length > 0 ? failure : null);
            }
        }
    }

    private void closeResources(Throwable failure) {
        try {
            if (rs != null) {
                rs.close();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            if (stmt != null) {
                stmt.close();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        if (!ownsConnection) {
            return;
        }
        try {
            // Read-only, so commit and rollback end it alike; rollback also works after an error.
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        } finally {
            core.giveBack(connection);
        }
    }
}
