package dev.quarry.runtime.internal;

import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.SerializationFailureException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * One transaction of {@link Core}: its connection and settings, and what the calls inside it need
 * to know about each other: the streams reading on its connection, a COPY running on it, the
 * failure that aborted it, and whether it has ended.
 */
final class Transaction {
    /**
     * The transaction whose failures this thread records. PostgreSQL aborts a transaction at its
     * first failed statement and turns the later COMMIT into a ROLLBACK without an error (pgjdbc
     * reports nothing either), so the failure is kept to be named when the commit is refused.
     */
    private static final ThreadLocal<Transaction> RECORDING = new ThreadLocal<>();

    final Connection connection;
    final Isolation isolation;
    final boolean readOnly;
    final boolean explaining;
    private final List<CursorStream<?>> streams = new ArrayList<>(1);
    private volatile boolean ended;
    private DataException abortedBy;

    Transaction(Connection connection, Isolation isolation, boolean readOnly, boolean explaining) {
        this.connection = connection;
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.explaining = explaining;
    }

    /** Makes this the transaction whose failures the thread records; returns the one to restore. */
    Transaction record() {
        Transaction previous = RECORDING.get();
        RECORDING.set(this);
        return previous;
    }

    static void stopRecording(Transaction previous) {
        if (previous == null) {
            RECORDING.remove();
        } else {
            RECORDING.set(previous);
        }
    }

    /** Called for every translated failure: keeps it when it is the one that aborted the thread's transaction. */
    static void failed(DataException failure) {
        Transaction tx = RECORDING.get();
        if (tx != null && tx.abortedBy == null && tx.aborted()) {
            tx.abortedBy = failure;
        }
    }

    /** A rollback to a savepoint undid the failure that had aborted the transaction. */
    static void recovered() {
        Transaction tx = RECORDING.get();
        if (tx != null) {
            tx.abortedBy = null;
        }
    }

    /** Whether PostgreSQL has aborted the transaction, so that COMMIT would only roll it back. */
    boolean aborted() {
        try {
            return connection.isWrapperFor(BaseConnection.class)
                    && connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED;
        } catch (SQLException e) {
            // a connection that cannot say is left to the commit, which reports what it can
            return false;
        }
    }

    /** The refusal to commit an aborted transaction, naming the failure that aborted it. */
    DataException refusedCommit(String method) {
        String text = (method == null ? "" : method + ": ")
                + "the transaction was rolled back, not committed: a statement failed inside it and PostgreSQL "
                + "aborted the transaction, which catching the exception does not undo";
        if (abortedBy == null) {
            return new DataException(text, "25P02", null, method, null);
        }
        return new DataException(text + "; the failure was " + abortedBy.getMessage(), "25P02", abortedBy.sql(),
                method, abortedBy);
    }

    void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    void streamOpened(CursorStream<?> stream) {
        streams.add(stream);
    }

    /** The stream has read its last row or was closed: it needs the connection no more. */
    void streamFinished(CursorStream<?> stream) {
        streams.remove(stream);
    }

    /** The method of a stream still reading on this transaction's connection, or {@code null}. */
    String openStream() {
        return streams.isEmpty() ? null : streams.get(0).method();
    }

    /**
     * What a transaction that failed to serialize on every attempt throws: a serialization failure
     * that says how many attempts ran, caused by the last one's failure, the earlier ones suppressed.
     * An exception of the work's own (not Quarry's, or a checked one a {@code @Transactional} method
     * rethrows as declared) stays itself, with the earlier failures added.
     */
    static RuntimeException gaveUp(String method, RuntimeException last, List<RuntimeException> earlier) {
        int attempts = earlier.size() + 1;
        if (!(last instanceof DataException failure) || last instanceof CheckedWorkException) {
            earlier.forEach(last::addSuppressed);
            return last;
        }
        String state = failure.sqlState();
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof SerializationFailureException s && s.sqlState() != null) {
                state = s.sqlState();
                break;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                state = sql.getSQLState();
                break;
            }
        }
        SerializationFailureException gaveUp = new SerializationFailureException(
                (method == null ? "" : method + ": ") + "the transaction failed after " + attempts + " attempts ("
                        + (attempts - 1) + (attempts == 2 ? " retry" : " retries") + "), each a serialization failure or deadlock; the last: "
                        + failure.getMessage(),
                state, failure.sql(), failure.method(), failure);
        earlier.forEach(gaveUp::addSuppressed);
        return gaveUp;
    }
}
