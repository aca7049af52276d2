package dev.quarry.runtime;

/**
 * A failure of a statement, a transaction or a mapping, with what is known about where it
 * happened: the SQLSTATE PostgreSQL reported (if any), the SQL, and the repository method.
 *
 * <pre>{@code
 * try {
 *     users.insert(email);
 * } catch (DataException e) {
 *     log.warn("{} failed with {}", e.method(), e.sqlState());
 * }
 * }</pre>
 *
 * <p>Subclasses name the cases callers typically handle: {@link UniqueViolationException},
 * {@link ForeignKeyViolationException}, {@link NotNullViolationException},
 * {@link SerializationFailureException}, {@link NoResultException} and
 * {@link TooManyResultsException}.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String sql;
    private final String method;

    public DataException(String message) {
        this(message, null, null, null, null);
    }

    public DataException(String message, Throwable cause) {
        this(message, null, null, null, cause);
    }

    public DataException(String message, String sqlState, String sql, String method, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.sql = sql;
        this.method = method;
        // an observed call's outcome: generated code throws some of these without the runtime seeing them
        dev.quarry.runtime.internal.Call.failed(this, method, sql);
    }

    /** The five-character SQLSTATE, or {@code null} when the failure did not come from the server. */
    public String sqlState() {
        return sqlState;
    }

    /** The SQL that failed, or {@code null} when no statement was involved. */
    public String sql() {
        return sql;
    }

    /** The repository method, as {@code Repository.method}, or {@code null} outside generated code. */
    public String method() {
        return method;
    }
}
