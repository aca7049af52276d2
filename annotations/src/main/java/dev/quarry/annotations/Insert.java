package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inserts {@link Table} records: every component of the record is a column of the row. The
 * method takes one parameter, a {@code List}, {@code Collection}, {@code Set}, {@code Iterable}
 * or {@code Stream} of the record (a {@code Stream} is read once and closed), or a single record.
 * It returns {@code void}, the rows written as {@code long} or {@code int}, or with
 * {@link #returning()} a {@code List} of the returned column or of a record of the returned
 * columns, in input order.
 *
 * <pre>{@code
 * @Table("orders")
 * public record Order(long id, long userId, BigDecimal total, Instant placedAt) {}
 *
 * @Insert                                        // AUTO: COPY for big inputs, else UNNEST
 * long insert(List<Order> orders);
 *
 * @Insert(strategy = InsertStrategy.COPY, chunkSize = 50_000)
 * long load(Stream<Order> orders);
 *
 * @Insert(returning = "id")
 * List<Long> insertReturningIds(List<Order> orders);
 * }</pre>
 *
 * <p>A call is atomic: all chunks run in one transaction (the caller's, or a new one), so a
 * failure in any chunk leaves no row of the call. An empty input runs no SQL and returns 0; a
 * {@code null} element fails the call before anything is committed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Insert {
    /**
     * How rows are sent. {@link InsertStrategy#AUTO} picks COPY when there is no
     * {@code returning} and the input is a {@code Stream} or a {@code Collection} of at least
     * 1 000 rows (below that, UNNEST's single statement is as fast and starts sooner), and
     * UNNEST otherwise.
     */
    InsertStrategy strategy() default InsertStrategy.AUTO;

    /** Rows per statement or COPY; at least 1. */
    int chunkSize() default 10_000;

    /**
     * Columns to return ({@code RETURNING}), by column name or record component name. One
     * column for a {@code List} of a scalar; several for a {@code List} of a record whose
     * components they fill. Needs {@link InsertStrategy#UNNEST} or {@link InsertStrategy#AUTO}.
     */
    String[] returning() default {};
}
