package dev.quarry.spring;

import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.ExternalTransactions;
import dev.quarry.runtime.internal.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's transactions as Quarry sees them: the connection Spring's transaction manager bound to
 * the thread for the data source, and new transactions begun through that manager, so that Spring
 * and Quarry calls nest either way on one connection with one commit.
 */
public final class SpringTransactions implements ExternalTransactions {
    private final DataSource dataSource;
    private final PlatformTransactionManager manager;

    /**
     * @param dataSource the data source Quarry's database runs on, the one the manager's
     *     transactions bind their connections to
     * @param manager begins the transactions of {@code db.transaction(…)} and {@code @Transactional}
     */
    public SpringTransactions(DataSource dataSource, PlatformTransactionManager manager) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    @Override
    public Connection currentConnection() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Object resource = TransactionSynchronizationManager.getResource(dataSource);
        return resource instanceof ConnectionHolder holder && holder.getConnectionHandle() != null
                ? holder.getConnection() : null;
    }

    /**
     * Joins a transaction Spring runs on this thread, where this one is no stricter than it, or
     * begins one. A joined call's failure reaches the caller without marking Spring's transaction
     * rollback-only: a bulk write has already rolled back to its savepoint, and a failed statement
     * has aborted the transaction in PostgreSQL anyway, which its commit reports.
     */
    @Override
    public <T> T inTransaction(Isolation isolation, boolean readOnly, Supplier<T> work) {
        if (currentConnection() != null) {
            checkJoinable(isolation, readOnly);
            return work.get();
        }
        TransactionTemplate template = new TransactionTemplate(manager);
        template.setIsolationLevel(level(isolation));
        template.setReadOnly(readOnly);
        try {
            return template.execute(status -> work.get());
        } catch (TransactionException e) {
            // a failed commit (a serialization failure, a transaction PostgreSQL had aborted) is the
            // driver's SQLException underneath: name its SQLSTATE the way every other Quarry failure does
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    throw SqlErrors.translate(sql, null, "COMMIT");
                }
            }
            throw e;
        }
    }

    /** Spring would join silently at its own level; Quarry refuses, as for its own nested transactions. */
    private static void checkJoinable(Isolation isolation, boolean readOnly) {
        Integer current = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        // no level set: the session's default, which is READ COMMITTED unless configured otherwise
        int have = current == null ? TransactionDefinition.ISOLATION_READ_COMMITTED : current;
        if (isolation != Isolation.DEFAULT && level(isolation) > have) {
            throw new DataException("cannot run a " + isolation + " transaction inside a Spring transaction at "
                    + name(have) + ": the isolation level is fixed when a transaction begins");
        }
        if (!readOnly && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new DataException("cannot run a read-write transaction inside a read-only Spring transaction");
        }
    }

    private static String name(int level) {
        return switch (level) {
            case TransactionDefinition.ISOLATION_READ_UNCOMMITTED -> "READ_UNCOMMITTED";
            case TransactionDefinition.ISOLATION_REPEATABLE_READ -> "REPEATABLE_READ";
            case TransactionDefinition.ISOLATION_SERIALIZABLE -> "SERIALIZABLE";
            default -> "READ_COMMITTED";
        };
    }

    private static int level(Isolation isolation) {
        return switch (isolation) {
            case DEFAULT -> TransactionDefinition.ISOLATION_DEFAULT;
            case READ_COMMITTED -> TransactionDefinition.ISOLATION_READ_COMMITTED;
            case REPEATABLE_READ -> TransactionDefinition.ISOLATION_REPEATABLE_READ;
            case SERIALIZABLE -> TransactionDefinition.ISOLATION_SERIALIZABLE;
        };
    }
}
