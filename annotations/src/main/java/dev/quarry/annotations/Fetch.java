package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The strategy one method uses for the relation at {@code value}, a dotted path from the
 * returned record ({@code "orders"}, {@code "orders.items"}). Relations not named use
 * {@link FetchStrategy#SELECT_IN}.
 *
 * <pre>{@code
 * @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
 * @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
 * @Query("SELECT id, email FROM users WHERE tenant_id = :tenantId ORDER BY id LIMIT 20")
 * List<User> page(long tenantId);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(Fetch.List.class)
public @interface Fetch {
    /** The relation's path: component names joined by dots. */
    String value();

    FetchStrategy strategy() default FetchStrategy.SELECT_IN;

    /** Holds repeated {@link Fetch} annotations. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface List {
        Fetch[] value();
    }
}
