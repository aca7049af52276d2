package dev.quarry.runtime;

/**
 * Work run inside {@link Database#transaction(TransactionCallback)} that returns a value.
 *
 * <pre>{@code
 * long id = db.transaction(() -> orders.create(userId, total));
 * }</pre>
 */
@FunctionalInterface
public interface TransactionCallback<T> {
    T run() throws Exception;
}
