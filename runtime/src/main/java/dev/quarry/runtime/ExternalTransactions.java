package dev.quarry.runtime;

import dev.quarry.annotations.Isolation;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Transactions that a framework owns, such as Spring's, for a {@link Database} built with
 * {@link Database#of(javax.sql.DataSource, ExternalTransactions)}. Quarry's calls join them:
 * inside one, every repository call runs on its connection and leaves commit, rollback and close to
 * the framework; {@code db.transaction(…)} and {@code @Transactional} methods begin one through it.
 *
 * <p>{@code quarry-spring} implements it over Spring's transaction synchronization; other
 * frameworks can do the same.
 */
public interface ExternalTransactions {
    /**
     * The connection of the transaction the framework runs on this thread over the database's data
     * source, or {@code null} outside one. Quarry never closes, commits or rolls it back.
     */
    Connection currentConnection();

    /**
     * Runs {@code work} in a transaction of the framework with these settings: joins the current one
     * (refusing settings stricter than it has), or begins one that commits when the work returns and
     * rolls back when it throws. {@link Isolation#DEFAULT} leaves the framework's default level.
     * Quarry retries serialization failures around a transaction this call began, never a joined one.
     */
    <T> T inTransaction(Isolation isolation, boolean readOnly, Supplier<T> work);
}
