package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optional condition of a {@link Query} {@code SELECT}: it applies to a call when every parameter
 * it names is present (not {@code null}; an {@code Optional} not empty), and is then ANDed into the
 * statement's top-level {@code WHERE} (or becomes it). An empty collection is present and matches
 * nothing. Each set of applied filters always yields the same SQL text, verified at build time.
 *
 * <pre>{@code
 * @Query("SELECT id, email FROM users WHERE tenant_id = :tenantId ORDER BY id")
 * @Filter("status = ANY(:statuses)")
 * @Filter("created_at >= :since")
 * List<UserRow> search(long tenantId, Set<Status> statuses, Optional<Instant> since);
 * }</pre>
 *
 * <p>A parameter only filters use may not be primitive (it could never be absent); a top-level
 * {@code UNION}/{@code INTERSECT}/{@code EXCEPT} takes no filters (wrap it in a subquery).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(Filters.class)
public @interface Filter {
    /** The condition, in SQL, naming its parameters as {@code :name}. */
    String value();
}
