package dev.quarry.runtime;

/**
 * Thrown when a NOT NULL constraint was violated (SQLSTATE 23502).
 *
 * <pre>{@code
 * try {
 *     repository.save(row);
 * } catch (NotNullViolationException e) {
 *     // e.sqlState(), e.method() and e.sql() say what failed
 * }
 * }</pre>
 */
public class NotNullViolationException extends DataException {
    private static final long serialVersionUID = 1L;

    public NotNullViolationException(String message, String sqlState, String sql, String method, Throwable cause) {
        super(message, sqlState, sql, method, cause);
    }
}
