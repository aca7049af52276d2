package dev.quarry.runtime.internal;

import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.ExternalTransactions;
import dev.quarry.runtime.Plan;
import dev.quarry.runtime.TransactionCallback;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection and transaction mechanics behind a {@link Database}, for generated code.
 *
 * <p>Outside a transaction every call borrows a pooled connection in autocommit mode and gives it
 * back when the statement is done. Inside {@code db.transaction(...)} the thread is bound to the
 * transaction's connection: every repository call on that thread uses it, and it goes back to the
 * pool only after commit or rollback.
 *
 * <p>With a replica, read-only transactions and streams outside a transaction borrow from the
 * replica's pool; everything else runs on the primary.
 *
 * <p>With {@link ExternalTransactions} (Spring's), a transaction the framework runs on this thread
 * counts as the thread's transaction: calls use its connection, and {@code transaction(...)} begins
 * or joins one of the framework's instead of its own.
 */
public final class Core {
    private static final Logger LOG = LoggerFactory.getLogger(Core.class);
    private static volatile Function<Database, Core> access;

    private final DataSource dataSource;
    private final DataSource replica;
    private final boolean transactionPooling;
    private final ExternalTransactions external;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    /**
     * Threads bound to a transaction of this core right now. While it is 0 no thread can be in one,
     * so a call outside transactions skips the thread-local lookup (a measurable part of a
     * primary-key lookup's client time); a thread that binds itself counts first, so it always looks.
     */
    private final AtomicInteger bound = new AtomicInteger();
    private final int asyncThreads;
    /** Observations and the slow-statement log, or {@code null}: then a call pays one null check for them. */
    private final Instruments instruments;
    private volatile AsyncExecutor async;
    private volatile boolean closed;

    /** @param asyncThreads threads for {@code CompletableFuture} methods where there are no virtual threads */
    public Core(DataSource dataSource, int asyncThreads) {
        this(dataSource, null, false, null, asyncThreads);
    }

    /**
     * @param replica where read-only transactions and streams outside a transaction run, or {@code null}
     * @param transactionPooling whether connections come through a pooler in transaction mode (PgBouncer),
     *     which hands each transaction whichever server session is free: session settings must not be used
     * @param external transactions of a framework that calls join, or {@code null}
     * @param asyncThreads threads for {@code CompletableFuture} methods where there are no virtual threads
     */
    public Core(DataSource dataSource, DataSource replica, boolean transactionPooling, ExternalTransactions external,
                int asyncThreads) {
        this(dataSource, replica, transactionPooling, external, asyncThreads, null);
    }

    /** As above, with {@code instruments} ({@code null}: none) around every repository call. */
    public Core(DataSource dataSource, DataSource replica, boolean transactionPooling, ExternalTransactions external,
                int asyncThreads, Instruments instruments) {
        this.instruments = instruments;
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.replica = replica;
        this.transactionPooling = transactionPooling;
        this.external = external;
        this.asyncThreads = asyncThreads;
    }

    /** Called once by {@link Database} so that generated code can reach a database's core. */
    public static void grantAccess(Function<Database, Core> accessor) {
        if (access != null) {
            throw new IllegalStateException("access already granted");
        }
        access = accessor;
    }

    public static Core of(Database db) {
        Objects.requireNonNull(db, "db");
        return access.apply(db);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The replica's data source, or {@code null} when every call runs on the primary. */
    public DataSource replicaDataSource() {
        return replica;
    }

    /**
     * The transaction's connection when this thread is in one, else a pooled connection. With
     * instruments, the repository call {@code method} begins here and ends in {@link #release}.
     */
    public Connection acquire(String method) {
        Instruments watching = instruments;
        if (watching == null) {
            return acquire(dataSource, method);
        }
        Call call = Call.enter(watching, method);
        try {
            return acquire(dataSource, method);
        } catch (RuntimeException | Error e) {
            call.end(e);
            throw e;
        }
    }

    /**
     * For a statement that only reads and may see slightly stale data (a stream): the transaction's
     * connection when this thread is in one, else one from the replica when there is one. Give it
     * back with {@link #giveBack}: a stream observes its call itself.
     */
    public Connection acquireForRead(String method) {
        return acquire(replica != null ? replica : dataSource, method);
    }

    /** The instruments around this database's calls, or {@code null}. */
    Instruments instruments() {
        return instruments;
    }

    private Connection acquire(DataSource source, String method) {
        Transaction tx = threadTransaction();
        Connection shared = tx != null ? tx.connection : joinedConnection();
        if (shared == null) {
            return borrow(source, method);
        }
        String copy = CopyGuard.copying(shared);
        if (copy != null) {
            // pgjdbc would wait for the COPY to end, and the COPY waits for this call's caller: forever
            throw new DataException(method + ": cannot run while " + copy + " runs a COPY on the same connection: "
                    + "the input of a COPY (a map or peek of its stream) must not call the database; compute the "
                    + "rows before the call, or write them with InsertStrategy.UNNEST", null, null, method, null);
        }
        return shared;
    }

    /**
     * A pooled connection, registered with the {@code CompletableFuture} call running on this thread
     * (if any) so that cancelling the call cancels the statement; whoever closes it unregisters it.
     */
    private static Connection borrow(DataSource source, String method) {
        Connection connection;
        try {
            connection = source.getConnection();
        } catch (SQLException e) {
            throw PoolTimeouts.translate(e, method, source);
        }
        try {
            AsyncExecutor.borrowed(connection);
        } catch (RuntimeException e) {
            // the call was cancelled before its statement could run
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return connection;
    }

    /** Gives a connection from {@link #acquire} back; a transaction's connection stays open. */
    public void release(Connection connection) {
        Instruments watching = instruments;
        if (watching == null) {
            giveBack(connection);
            return;
        }
        try {
            giveBack(connection);
        } finally {
            Call.leave(watching);
        }
    }

    /** As {@link #release}, for a connection from {@link #acquireForRead}, outside any call's observation. */
    void giveBack(Connection connection) {
        Transaction tx = threadTransaction();
        if ((tx != null && tx.connection == connection) || (tx == null && connection == joinedConnection())) {
            return;
        }
        AsyncExecutor.returned(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            // The statement's own outcome is already decided; the pool discards a broken connection.
            LOG.warn("closing a pooled connection failed", e);
        }
    }

    /** As {@link #async(String, Supplier)}, for code generated before calls named their method. */
    public <T> CompletableFuture<T> async(Supplier<T> work) {
        return async(null, work);
    }

    /**
     * Runs {@code work} on the database's executor. The work runs outside any transaction of the
     * calling thread; cancelling the future cancels the statement it is running. After
     * {@link #close()} it throws a {@link DataException} naming {@code method}, on the caller's thread.
     */
    public <T> CompletableFuture<T> async(String method, Supplier<T> work) {
        AsyncExecutor executor = async;
        if (executor == null) {
            synchronized (this) {
                executor = async;
                if (executor == null && !closed) {
                    executor = new AsyncExecutor(asyncThreads);
                    async = executor;
                }
            }
        }
        if (executor == null) {
            throw closedDatabase(method, null);
        }
        if (instruments != null && instruments.tracing != null) {
            // the call's observation, on the executor's thread, is a child of the caller's
            work = instruments.tracing.propagate(work);
        }
        try {
            return executor.submit(work);
        } catch (RejectedExecutionException e) {
            throw closedDatabase(method, e);
        }
    }

    private static DataException closedDatabase(String method, Throwable cause) {
        return new DataException((method == null ? "" : method + ": ") + "the database is closed; a CompletableFuture "
                + "method cannot run after Database.close()", null, null, method, cause);
    }

    /** Stops the executor of {@code CompletableFuture} methods, if one was started; later ones are refused. */
    public void close() {
        AsyncExecutor executor;
        synchronized (this) {
            closed = true;
            executor = async;
        }
        if (executor != null) {
            executor.close();
        }
    }

    public boolean inTransaction() {
        return threadTransaction() != null || joinedConnection() != null;
    }

    /** This thread's transaction, or {@code null} outside one (and inside a framework's: see {@link #joinedConnection}). */
    Transaction currentTransaction() {
        return threadTransaction();
    }

    private Transaction threadTransaction() {
        return bound.get() == 0 ? null : current.get();
    }

    private void bind(Transaction tx) {
        bound.incrementAndGet();
        current.set(tx);
    }

    /** Ends the thread's binding to {@code tx}; safe to call when it was never bound, or already unbound. */
    private void unbind(Transaction tx) {
        if (current.get() == tx) {
            current.remove();
            bound.decrementAndGet();
        }
    }

    /**
     * The connection of the framework's transaction this thread runs in, outside a transaction of
     * Quarry's own; else {@code null}. Whoever uses it leaves commit, rollback and close to the framework.
     */
    Connection joinedConnection() {
        return external == null ? null : external.currentConnection();
    }

    /**
     * Runs {@code work} in a transaction: joins the thread's current one, or begins a new one that
     * commits when the work returns and rolls back when it throws. Serialization failures and
     * deadlocks of a new transaction run the whole work again, up to {@code retries} times.
     */
    public <T> T transaction(Isolation isolation, int retries, TransactionCallback<T> work) {
        return transaction(isolation, false, retries, work);
    }

    /** As {@link #transaction(Isolation, int, TransactionCallback)}, optionally READ ONLY. */
    public <T> T transaction(Isolation isolation, boolean readOnly, int retries, TransactionCallback<T> work) {
        return transaction(null, isolation, readOnly, retries, work);
    }

    /** As above, for a repository method: a failure to begin or commit names {@code method}. */
    public <T> T transaction(String method, Isolation isolation, boolean readOnly, int retries,
                             TransactionCallback<T> work) {
        return transaction(method, isolation, readOnly, retries, work, true);
    }

    /**
     * As above; {@code observed}: a new transaction is a {@code quarry.transaction} observation of
     * its own (a bulk write's transaction is part of its call's instead).
     */
    <T> T transaction(String method, Isolation isolation, boolean readOnly, int retries,
                      TransactionCallback<T> work, boolean observed) {
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(work, "work");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, was " + retries);
        }
        Transaction outer = threadTransaction();
        if (outer != null) {
            // explain's transaction exists only to be rolled back; the work's own levels don't apply to it
            if (!outer.explaining && stricter(isolation, outer.isolation)) {
                throw new DataException("cannot run a " + isolation + " transaction inside a "
                        + outer.isolation + " one: the isolation level is fixed when a transaction begins");
            }
            if (!readOnly && outer.readOnly) {
                throw new DataException("cannot run a read-write transaction inside a read-only one");
            }
            return call(work);
        }
        if (joinedConnection() != null) {
            // joined: the framework's transaction owns commit, rollback and retries; a failure reaches its owner
            return external.inTransaction(isolation, readOnly, () -> call(work));
        }
        Tracing.Span span = observed && instruments != null ? instruments.start("quarry.transaction", method) : null;
        if (span == null) {
            return attempts(method, isolation, readOnly, retries, work, new int[1]);
        }
        int[] attempts = new int[1];
        T result;
        try (Tracing.Scope ignored = span.openScope()) {
            result = attempts(method, isolation, readOnly, retries, work, attempts);
        } catch (RuntimeException | Error e) {
            // a checked exception of the work travels wrapped; the outcome names what the work threw
            Throwable thrown = e instanceof CheckedWorkException && e.getCause() != null ? e.getCause() : e;
            span.stop(thrown.getClass().getSimpleName(), thrown, null, -1, attempts[0]);
            throw e;
        }
        span.stop("success", null, null, -1, attempts[0]);
        return result;
    }

    /** Runs a new transaction, again after a serialization failure or deadlock; counts the runs in {@code attempts[0]}. */
    private <T> T attempts(String method, Isolation isolation, boolean readOnly, int retries,
                           TransactionCallback<T> work, int[] attempts) {
        List<RuntimeException> failures = new ArrayList<>(0);
        for (int attempt = 0; ; attempt++) {
            attempts[0] = attempt + 1;
            try {
                return external != null
                        ? runExternal(method, isolation, readOnly, work)
                        : runOnce(method, isolation, readOnly, work);
            } catch (RuntimeException e) {
                if (!SqlErrors.isRetryable(e) || retries == 0) {
                    throw e;
                }
                if (attempt >= retries) {
                    throw Transaction.gaveUp(method, e, failures);
                }
                failures.add(e);
                LOG.debug("retrying transaction after {} (attempt {} of {})", e.getMessage(), attempt + 1, retries);
                backoff(attempt);
            }
        }
    }

    private <T> T runOnce(String method, Isolation isolation, boolean readOnly, TransactionCallback<T> work) {
        Connection connection = borrow(readOnly && replica != null ? replica : dataSource, method);
        int sessionLevel = -1;
        Transaction tx = new Transaction(connection, isolation, readOnly, false);
        Transaction recording = tx.record();
        try {
            sessionLevel = begin(connection, isolation, readOnly);
            bind(tx);
            T result = call(work);
            unbind(tx);
            if (tx.aborted()) {
                // COMMIT would answer ROLLBACK, and neither PostgreSQL nor pgjdbc would call it a failure
                throw tx.refusedCommit(method);
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                throw SqlErrors.translate(e, method, "COMMIT");
            }
            return result;
        } catch (RuntimeException | Error e) {
            unbind(tx);
            rollback(connection, e);
            throw e;
        } finally {
            unbind(tx);
            tx.end();
            Transaction.stopRecording(recording);
            AsyncExecutor.returned(connection);
            restore(connection, sessionLevel, readOnly);
        }
    }

    /**
     * One attempt in a new transaction of the framework's, which commits it; an aborted one is
     * refused here, as in {@link #runOnce}, so that the framework rolls it back and the caller hears of it.
     */
    private <T> T runExternal(String method, Isolation isolation, boolean readOnly, TransactionCallback<T> work) {
        return external.inTransaction(isolation, readOnly, () -> {
            Connection connection = joinedConnection();
            if (connection == null) {
                return call(work);
            }
            Transaction tx = new Transaction(connection, isolation, readOnly, false);
            Transaction recording = tx.record();
            try {
                T result = call(work);
                if (tx.aborted()) {
                    throw tx.refusedCommit(method);
                }
                return result;
            } finally {
                Transaction.stopRecording(recording);
            }
        });
    }

    /**
     * Runs {@code work} in a transaction that is always rolled back, on a connection that explains
     * each statement before running it; returns the plans in the order the statements ran.
     */
    public List<Plan> explain(Runnable work) {
        Objects.requireNonNull(work, "work");
        if (inTransaction()) {
            throw new DataException("explain cannot run inside a transaction: it rolls back everything its work "
                    + "wrote, which would include the transaction's earlier writes");
        }
        Connection connection = borrow(dataSource, null);
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            AsyncExecutor.returned(connection);
            restore(connection, -1, false);
            throw SqlErrors.translate(e, null, "BEGIN");
        }
        PlanRecorder recorder = new PlanRecorder(connection);
        Transaction tx = new Transaction(recorder.connection(), Isolation.DEFAULT, false, true);
        try {
            bind(tx);
            work.run();
            return recorder.plans();
        } finally {
            unbind(tx);
            tx.end();
            try {
                connection.rollback();
            } catch (SQLException e) {
                LOG.warn("rolling back the explained work failed; the pool will see the connection as broken", e);
            }
            AsyncExecutor.returned(connection);
            restore(connection, -1, false);
        }
    }

    /**
     * Starts the transaction; returns the session's isolation level when it had to be changed
     * (pgjdbc sets it for the session, and not every pool resets it), else -1.
     */
    private int begin(Connection connection, Isolation isolation, boolean readOnly) {
        try {
            if (transactionPooling) {
                // the level must travel inside the transaction: a session setting would stay with a
                // server connection the pooler gives to other clients next
                if (readOnly) {
                    connection.setReadOnly(true);
                }
                connection.setAutoCommit(false);
                if (isolation != Isolation.DEFAULT) {
                    try (Statement set = connection.createStatement()) {
                        set.execute("SET TRANSACTION ISOLATION LEVEL " + isolation.name().replace('_', ' '));
                    }
                }
                return -1;
            }
            int sessionLevel = -1;
            if (isolation != Isolation.DEFAULT) {
                sessionLevel = connection.getTransactionIsolation();
                connection.setTransactionIsolation(jdbcLevel(isolation));
            }
            if (readOnly) {
                connection.setReadOnly(true);
            }
            connection.setAutoCommit(false);
            return sessionLevel;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, null, "BEGIN");
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Puts the connection back as the pool gave it, then returns it, even when resetting fails. */
    private static void restore(Connection connection, int sessionLevel, boolean readOnly) {
        try {
            // gone (the server ended it, or the pool evicted it after a fatal error): the transaction's
            // own failure has told the caller, and the pool drops it
            if (connection.isClosed()) {
                LOG.debug("a transaction's connection was gone before it could be reset");
                return;
            }
            connection.setAutoCommit(true);
            if (readOnly) {
                connection.setReadOnly(false);
            }
            if (sessionLevel != -1) {
                connection.setTransactionIsolation(sessionLevel);
            }
        } catch (SQLException e) {
            LOG.warn("resetting a transaction's connection failed; the pool will see it as broken", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("returning a transaction's connection failed", e);
            }
        }
    }

    private static <T> T call(TransactionCallback<T> work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, null, null);
        } catch (Exception e) {
            throw new CheckedWorkException(e);
        }
    }

    private static boolean stricter(Isolation wanted, Isolation have) {
        return wanted != Isolation.DEFAULT && rank(wanted) > rank(have);
    }

    private static int rank(Isolation isolation) {
        switch (isolation) {
            case REPEATABLE_READ:
                return 2;
            case SERIALIZABLE:
                return 3;
            default:
                return 1;
        }
    }

    private static int jdbcLevel(Isolation isolation) {
        switch (isolation) {
            case READ_COMMITTED:
                return Connection.TRANSACTION_READ_COMMITTED;
            case REPEATABLE_READ:
                return Connection.TRANSACTION_REPEATABLE_READ;
            case SERIALIZABLE:
                return Connection.TRANSACTION_SERIALIZABLE;
            default:
                throw new IllegalArgumentException(isolation.name());
        }
    }

    /** Jittered exponential backoff so that conflicting transactions don't collide again in step. */
    private static void backoff(int attempt) {
        long ceiling = Math.min(1000L, 5L << Math.min(attempt, 8));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while waiting to retry a transaction", e);
        }
    }
}
