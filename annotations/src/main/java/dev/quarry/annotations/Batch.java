package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link Query} statement once per element of the method's one parameter, a
 * {@code List}, {@code Collection}, {@code Set}, {@code Iterable} or {@code Stream} of records,
 * as JDBC batches of {@link #chunkSize()} statements. {@code :component} binds that component of
 * each element. All batches of a call run in one transaction. The method returns {@code void}
 * or the total affected rows as {@code int} or {@code long}.
 *
 * <pre>{@code
 * public record PriceChange(long id, BigDecimal price) {}
 *
 * @Batch
 * @Query("UPDATE products SET price = :price WHERE id = :id")
 * long reprice(List<PriceChange> changes);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Batch {
    /** Statements per JDBC batch; at least 1. */
    int chunkSize() default 10_000;
}
