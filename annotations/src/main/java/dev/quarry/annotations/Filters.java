package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds the repeated {@link Filter}s of one method; written by the compiler, not by hand.
 *
 * <pre>{@code
 * @Filter("status = :status")
 * @Filter("email ILIKE :pattern")   // both end up in one @Filters
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Filters {
    /** The filters, in the order they are written. */
    Filter[] value();
}
