package dev.quarry.it.tree;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Tree;
import java.util.List;
import java.util.stream.Stream;

@Repository
public interface Categories {
    record Node(long id, Long parentId, String name, int depth, List<Long> path) {}

    record Flat(long id, Long parentId) {}

    @Tree(table = "categories", id = "id", parent = "parent_id", start = "parent_id IS NULL")
    List<Node> all();

    @Tree(table = "categories", id = "id", parent = "parent_id", start = "id = :rootId", maxDepth = 3)
    List<Node> subtree(long rootId);

    @Tree(table = "categories", id = "id", parent = "parent_id", start = "id = :leafId", up = true)
    List<Node> ancestors(long leafId);

    @Tree(table = "categories", id = "id", parent = "parent_id", start = "parent_id IS NULL", where = "name NOT LIKE :hidden")
    List<Node> visible(String hidden);

    @FetchSize(500)
    @Tree(table = "categories", id = "id", parent = "parent_id", start = "parent_id IS NULL")
    Stream<Node> streamAll();

    @Tree(table = "links", id = "id", parent = "parent_id", start = "id = :start", maxDepth = 10)
    List<Node> walkLinks(long start);

    @Query("SELECT id, parent_id FROM categories")
    List<Flat> flat();
}
