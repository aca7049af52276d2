package dev.quarry.runtime;

/**
 * Thrown when a foreign-key constraint was violated (SQLSTATE 23503).
 *
 * <pre>{@code
 * try {
 *     repository.save(row);
 * } catch (ForeignKeyViolationException e) {
 *     // e.sqlState(), e.method() and e.sql() say what failed
 * }
 * }</pre>
 */
public class ForeignKeyViolationException extends DataException {
    private static final long serialVersionUID = 1L;

    public ForeignKeyViolationException(String message, String sqlState, String sql, String method, Throwable cause) {
        super(message, sqlState, sql, method, cause);
    }
}
