package dev.quarry.runtime;

/**
 * A method returning a record or a scalar (not {@code Optional}) found no row.
 *
 * <pre>{@code
 * @Query("SELECT id, email FROM users WHERE id = :id")
 * User get(long id);          // throws NoResultException when there is no such user
 * }</pre>
 */
public class NoResultException extends DataException {
    private static final long serialVersionUID = 1L;

    public NoResultException(String sql, String method) {
        super(method + ": expected exactly one row, the query returned none", null, sql, method, null);
    }
}
