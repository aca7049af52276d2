package dev.quarry.example;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;

/** The category tree, one level at a time. */
@Repository
public interface CategoryRepository {

    @Query("SELECT id, parent_id, name FROM categories WHERE parent_id IS NULL ORDER BY id")
    List<Category> roots();

    @Query("SELECT id, parent_id, name FROM categories WHERE parent_id = :parentId ORDER BY id")
    List<Category> childrenOf(long parentId);
}
