package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One SQL statement, checked at compile time and run with plain JDBC.
 *
 * <p>{@code :name} binds the method parameter of that name (or the one annotated
 * {@code @Bind("name")}); {@code :param.component} binds a component of a record parameter.
 * {@code ::} stays a PostgreSQL cast, and nothing inside string literals, quoted identifiers,
 * dollar-quoted strings or comments is taken for a parameter. A collection or array parameter
 * binds as one PostgreSQL array, so {@code id = ANY(:ids)} works with any number of ids;
 * {@code id IN (:ids)} is rewritten to {@code id = ANY(?)}.
 *
 * <pre>{@code
 * @Query("SELECT id, email, status FROM users WHERE tenant_id = :tenantId AND status = ANY(:statuses)")
 * List<User> findByStatus(long tenantId, List<String> statuses);
 *
 * @Query("UPDATE users SET status = :status WHERE id = :id")
 * int setStatus(long id, String status);
 * }</pre>
 *
 * <p>The method's return type decides how the result is read: a record or scalar (exactly one
 * row), {@code Optional} (zero or one), {@code List} or {@code Set} (any number), or for a
 * statement that returns no rows, {@code int}, {@code long} (rows affected) or {@code void}.
 * {@code void} also suits a statement run for its effect ({@code DELETE … RETURNING},
 * {@code SELECT … FOR UPDATE}, {@code SELECT pg_notify(:channel, :payload)}); on a query that only
 * reads rows it is a compile error, since the rows would be thrown away.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Query {
    /** The SQL statement. */
    String value();

    /**
     * Seconds the statement may run before it is cancelled with a {@code QueryTimeoutException};
     * 0, the default, leaves it to the server's {@code statement_timeout}.
     */
    int timeout() default 0;
}
