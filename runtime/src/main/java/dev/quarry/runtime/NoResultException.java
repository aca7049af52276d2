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

    /** {@code @Update} or {@code @Delete} found no row with these ids; nothing of the call was written. */
    public NoResultException(String sql, String method, java.util.List<?> missingIds) {
        super(method + ": no row has id " + (missingIds.size() <= 20 ? missingIds : missingIds.subList(0, 20) + " and "
                + (missingIds.size() - 20) + " more") + "; nothing of this call was written (a method that may find "
                + "no row returns boolean, int or long)", null, sql, method, null);
    }
}
