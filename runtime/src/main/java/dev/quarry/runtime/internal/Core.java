package dev.quarry.runtime.internal;

import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.TransactionCallback;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
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
 */
public final class Core {
    private static final Logger LOG = LoggerFactory.getLogger(Core.class);
    private static volatile Function<Database, Core> access;

    private final DataSource dataSource;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    public Core(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
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

    /** The transaction's connection when this thread is in one, else a pooled connection. */
    public Connection acquire(String method) {
        Tx tx = current.get();
        if (tx != null) {
            return tx.connection;
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, method, null);
        }
    }

    /** Gives a connection from {@link #acquire} back; a transaction's connection stays open. */
    public void release(Connection connection) {
        Tx tx = current.get();
        if (tx != null && tx.connection == connection) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // The statement's own outcome is already decided; the pool discards a broken connection.
            LOG.warn("closing a pooled connection failed", e);
        }
    }

    public boolean inTransaction() {
        return current.get() != null;
    }

    /** The connection of this thread's transaction, or {@code null} outside one. */
    Connection transactionConnection() {
        Tx tx = current.get();
        return tx == null ? null : tx.connection;
    }

    /**
     * Runs {@code work} in a transaction: joins the thread's current one, or begins a new one that
     * commits when the work returns and rolls back when it throws. Serialization failures and
     * deadlocks of a new transaction run the whole work again, up to {@code retries} times.
     */
    public <T> T transaction(Isolation isolation, int retries, TransactionCallback<T> work) {
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(work, "work");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, was " + retries);
        }
        Tx outer = current.get();
        if (outer != null) {
            if (stricter(isolation, outer.isolation)) {
                throw new DataException("cannot run a " + isolation + " transaction inside a "
                        + outer.isolation + " one: the isolation level is fixed when a transaction begins");
            }
            return call(work);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return runOnce(isolation, work);
            } catch (RuntimeException e) {
                if (attempt >= retries || !SqlErrors.isRetryable(e)) {
                    throw e;
                }
                LOG.debug("retrying transaction after {} (attempt {} of {})", e.getMessage(), attempt + 1, retries);
                backoff(attempt);
            }
        }
    }

    private <T> T runOnce(Isolation isolation, TransactionCallback<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, null, null);
        }
        int sessionLevel = -1;
        try {
            sessionLevel = begin(connection, isolation);
            current.set(new Tx(connection, isolation));
            T result = call(work);
            current.remove();
            try {
                connection.commit();
            } catch (SQLException e) {
                throw SqlErrors.translate(e, null, "COMMIT");
            }
            return result;
        } catch (RuntimeException | Error e) {
            current.remove();
            rollback(connection, e);
            throw e;
        } finally {
            current.remove();
            restore(connection, sessionLevel);
        }
    }

    /**
     * Starts the transaction; returns the session's isolation level when it had to be changed
     * (pgjdbc sets it for the session, and not every pool resets it), else -1.
     */
    private static int begin(Connection connection, Isolation isolation) {
        try {
            int sessionLevel = -1;
            if (isolation != Isolation.DEFAULT) {
                sessionLevel = connection.getTransactionIsolation();
                connection.setTransactionIsolation(jdbcLevel(isolation));
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
    private static void restore(Connection connection, int sessionLevel) {
        try {
            connection.setAutoCommit(true);
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
            throw new DataException("transaction work failed: " + e, e);
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

    private static final class Tx {
        final Connection connection;
        final Isolation isolation;

        Tx(Connection connection, Isolation isolation) {
            this.connection = connection;
            this.isolation = isolation;
        }
    }
}
