package dev.quarry.example;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Tree;
import java.util.List;

/** The category tree, one level at a time or a whole subtree in one recursive query. */
@Repository
public interface CategoryRepository {

    @Query("SELECT id, parent_id, name FROM categories WHERE parent_id IS NULL ORDER BY id")
    List<Category> roots();

    @Query("SELECT id, parent_id, name FROM categories WHERE parent_id = :parentId ORDER BY id")
    List<Category> childrenOf(long parentId);

    /** The category, its children and their children, depth first; Quarry writes the {@code WITH RECURSIVE}. */
    @Tree(table = "categories", id = "id", parent = "parent_id", start = "id = :rootId", maxDepth = 2)
    List<CategoryNode> subtree(long rootId);
}
