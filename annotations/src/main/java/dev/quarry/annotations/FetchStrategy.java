package dev.quarry.annotations;

/**
 * How a method loads a {@link Relation}.
 *
 * <pre>{@code
 * @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
 * @Query("SELECT id, email FROM users ORDER BY id LIMIT 10")
 * List<User> firstTen();
 * }</pre>
 */
public enum FetchStrategy {
    /**
     * After the parent query, one query per relation tier: {@code SELECT … FROM child WHERE
     * child_col = ANY(?)} with the distinct parent keys (in chunks of at most 10 000). Statements per
     * call: 1 + tiers. No row is repeated, whatever the number of children.
     */
    SELECT_IN,
    /**
     * One statement: the parent SQL becomes a subquery LEFT JOINed to the children, so a
     * {@code LIMIT}/{@code OFFSET} in it pages parents, not joined rows. Each parent's columns
     * repeat once per child (and two to-many relations side by side multiply), which is the cost of
     * the single round trip.
     */
    JOINED
}
