package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Updates rows of a {@link Table} record by its {@link Id}, without SQL: every other component is
 * set from the record ({@link #columns()} to set fewer), and a {@link Version} component is
 * checked and incremented. The method takes one record, or a {@code List}, {@code Collection},
 * {@code Set}, {@code Iterable} or {@code Stream} of them, sent as one
 * {@code UPDATE … FROM unnest(…)} per chunk after locking the chunk's rows in key order (so
 * concurrent bulk updates never deadlock). It returns {@code void}, {@code boolean} or the rows
 * updated as {@code int} or {@code long}.
 *
 * <p>A call is atomic: all chunks run in one transaction (the caller's, in a savepoint, or a new
 * one). A stale {@link Version} is an {@code OptimisticLockException} naming the ids and nothing of
 * the call is written; a row that does not exist is no conflict, it counts 0 (a {@code void}
 * method fails with {@code NoResultException}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Update {
    /** The columns to set, by column or component name; empty: every component but the {@link Id} and {@link Version}. */
    String[] columns() default {};

    /** Rows per statement; at least 1. */
    int chunkSize() default 10_000;
}
