package dev.quarry.runtime;

/**
 * Thrown when a unique or primary-key constraint was violated (SQLSTATE 23505).
 *
 * <pre>{@code
 * try {
 *     repository.save(row);
 * } catch (UniqueViolationException e) {
 *     // e.sqlState(), e.method() and e.sql() say what failed
 * }
 * }</pre>
 */
public class UniqueViolationException extends DataException {
    private static final long serialVersionUID = 1L;

    public UniqueViolationException(String message, String sqlState, String sql, String method, Throwable cause) {
        super(message, sqlState, sql, method, cause);
    }
}
