package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Walks a tree stored as {@code parent → id} links, with a {@code WITH RECURSIVE} query Quarry
 * writes: from the rows matching {@code start} (depth 0) down to their descendants, or with
 * {@code up = true} up to their ancestors. A node never appears twice on its own path, so a cycle
 * in the data ends the walk instead of looping; {@code maxDepth} is the deepest depth returned.
 * Rows come in depth-first order of their paths.
 *
 * <pre>{@code
 * record CategoryNode(long id, Long parentId, String name, int depth, List<Long> path) {}
 *
 * @Tree(table = "categories", id = "id", parent = "parent_id", start = "id = :rootId", maxDepth = 8)
 * List<CategoryNode> subtree(long rootId);
 * }</pre>
 *
 * <p>The result record reads the table's columns, plus {@code depth} (0 at the start rows) and
 * {@code path} (the ids from the start row to this row, both included) when it declares them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Tree {
    /** The table holding the nodes. */
    String table();

    /** The node's key column. */
    String id();

    /** The column referring to the parent node's key. */
    String parent();

    /** SQL condition choosing the start rows; may use {@code :parameters}. */
    String start();

    /** The deepest depth returned; at least 1. */
    int maxDepth() default 100;

    /** Walk from the start rows to their ancestors instead of their descendants. */
    boolean up() default false;

    /** SQL condition on the nodes that may be visited at all; a node it excludes ends its branch. */
    String where() default "";
}
