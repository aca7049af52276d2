package dev.quarry.spring;

import dev.quarry.annotations.Isolation;
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

    @Override
    public <T> T inTransaction(Isolation isolation, boolean readOnly, Supplier<T> work) {
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

    private static int level(Isolation isolation) {
        return switch (isolation) {
            case DEFAULT -> TransactionDefinition.ISOLATION_DEFAULT;
            case READ_COMMITTED -> TransactionDefinition.ISOLATION_READ_COMMITTED;
            case REPEATABLE_READ -> TransactionDefinition.ISOLATION_REPEATABLE_READ;
            case SERIALIZABLE -> TransactionDefinition.ISOLATION_SERIALIZABLE;
        };
    }
}
