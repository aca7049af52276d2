package dev.quarry.runtime;

/**
 * Thrown when the transaction could not be serialized (SQLSTATE 40001) or was chosen as a deadlock victim (40P01); running it again may succeed, which {@code Database.transaction(isolation, retries, work)} does for you.
 *
 * <pre>{@code
 * try {
 *     repository.save(row);
 * } catch (SerializationFailureException e) {
 *     // e.sqlState(), e.method() and e.sql() say what failed
 * }
 * }</pre>
 */
public class SerializationFailureException extends DataException {
    private static final long serialVersionUID = 1L;

    public SerializationFailureException(String message, String sqlState, String sql, String method, Throwable cause) {
        super(message, sqlState, sql, method, cause);
    }
}
