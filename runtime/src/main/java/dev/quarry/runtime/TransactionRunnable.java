package dev.quarry.runtime;

/**
 * Work run inside {@link Database#transaction(dev.quarry.annotations.Isolation, TransactionRunnable)}
 * that returns nothing.
 *
 * <pre>{@code
 * db.transaction(Isolation.SERIALIZABLE, () -> accounts.transfer(from, to, amount));
 * }</pre>
 */
@FunctionalInterface
public interface TransactionRunnable {
    void run() throws Exception;
}
