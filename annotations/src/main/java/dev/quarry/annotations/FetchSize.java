package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many rows a streaming method fetches from its server-side cursor per round trip, and the
 * size of each list for a {@code Stream<List<R>>} return. Without it the fetch size is 1000.
 *
 * <pre>{@code
 * @FetchSize(10_000)
 * @Query("SELECT id, total FROM orders ORDER BY id")
 * Stream<List<OrderTotal>> totalsInChunks();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface FetchSize {
    /** Rows per fetch; at least 1. */
    int value();
}
