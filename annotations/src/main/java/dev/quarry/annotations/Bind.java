package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a method parameter the name its {@code :name} placeholder uses, when that differs from
 * the Java parameter name.
 *
 * <pre>{@code
 * @Query("SELECT count(*) FROM orders WHERE user_id = :user")
 * long countOrders(@Bind("user") long userId);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Bind {
    /** The placeholder name, without the leading colon. */
    String value();
}
