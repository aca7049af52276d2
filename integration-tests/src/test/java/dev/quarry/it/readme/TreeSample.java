package dev.quarry.it.readme;

import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Tree;
import java.util.List;
import java.util.stream.Stream;

/** The README's {@code @Tree} sample. */
@Repository
interface TreeSample {
    record CategoryNode(long id, Long parentId, String name, int depth, List<Long> path) {}

    @Tree(table = "categories", id = "id", parent = "parent_id", start = "id = :rootId", maxDepth = 8)
    List<CategoryNode> subtree(long rootId);              // depth-first, in path order

    @Tree(table = "categories", id = "id", parent = "parent_id", start = "id = :leafId", up = true)
    List<CategoryNode> ancestors(long leafId);            // the leaf, its parent, … up to the root

    @Tree(table = "categories", id = "id", parent = "parent_id", start = "parent_id IS NULL", where = "NOT hidden")
    Stream<CategoryNode> visibleForest();                 // a node the filter excludes ends its branch
}
