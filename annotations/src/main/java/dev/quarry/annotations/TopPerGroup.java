package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the first {@code limit} rows of each group of a {@link Query}'s result: the query is
 * wrapped with {@code row_number() OVER (PARTITION BY partitionBy ORDER BY orderBy)} and filtered
 * on it. The rank is a result column named {@code rank} (1 for the first row of each group), which a
 * record reads like any other column; it is an {@code integer} (the {@code bigint} of
 * {@code row_number()} cast), so an {@code int} or a {@code long} component reads it.
 *
 * <pre>{@code
 * record RecentOrder(long userId, long id, Instant createdAt, @Column("tenant_rank") int rank) {}
 *
 * @TopPerGroup(partitionBy = "user_id", orderBy = "created_at DESC, id DESC", limit = ":n", rank = "tenant_rank")
 * @Query("SELECT user_id, id, created_at FROM orders")
 * List<RecentOrder> latestPerUser(int n);
 * }</pre>
 *
 * <p>Rows come ordered by the partition expressions, then by rank.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface TopPerGroup {
    /** The {@code PARTITION BY} expressions, over the query's result columns. */
    String partitionBy();

    /** The {@code ORDER BY} items ranking the rows within a group. */
    String orderBy();

    /** How many rows per group: a number ({@code "3"}) or a parameter ({@code ":n"}). */
    String limit();

    /** The label of the rank column. */
    String rank() default "rank";
}
