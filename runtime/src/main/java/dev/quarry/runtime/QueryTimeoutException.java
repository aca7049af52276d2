package dev.quarry.runtime;

/**
 * A statement was cancelled (SQLSTATE 57014): it ran longer than its {@code @Query(timeout = …)}
 * or the server's {@code statement_timeout}, or its call was cancelled. The connection stays
 * usable.
 *
 * <pre>{@code
 * @Query(value = "SELECT * FROM report(:year)", timeout = 5)
 * List<Line> report(int year);     // throws QueryTimeoutException after 5 seconds
 * }</pre>
 */
public class QueryTimeoutException extends DataException {
    private static final long serialVersionUID = 1L;

    public QueryTimeoutException(String message, String sqlState, String sql, String method, Throwable cause) {
        super(message, sqlState, sql, method, cause);
    }
}
