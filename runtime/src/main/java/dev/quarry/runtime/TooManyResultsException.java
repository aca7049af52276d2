package dev.quarry.runtime;

/**
 * A method returning a record, a scalar or an {@code Optional} found more than one row.
 *
 * <pre>{@code
 * @Query("SELECT id, email FROM users WHERE tenant_id = :tenantId")
 * Optional<User> findOne(long tenantId);   // throws when the tenant has two users
 * }</pre>
 */
public class TooManyResultsException extends DataException {
    private static final long serialVersionUID = 1L;

    public TooManyResultsException(String sql, String method) {
        this(method + ": expected at most one row, the query returned more", sql, method);
    }

    public TooManyResultsException(String message, String sql, String method) {
        super(message, null, sql, method, null);
    }
}
