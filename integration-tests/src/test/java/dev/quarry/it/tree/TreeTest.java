package dev.quarry.it.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recursive walk equals a tree built in Java from a flat SELECT: same nodes, depth counted
 * from the start, paths of ids, depth-first order, and a walk through cycles that ends.
 */
@PostgresTest
class TreeTest {
    static Database db;
    static Categories categories;
    static Map<Long, List<Long>> children = new HashMap<>();
    static Map<Long, Long> parents = new HashMap<>();

    @BeforeAll
    static void setUp(TestDatabase database) {
        // 8 levels (depths 0 to 7) and 10 000 nodes: each level twice the one above, the rest in the last
        database.execute("""
                CREATE TABLE categories (id bigint PRIMARY KEY, parent_id bigint REFERENCES categories, name text NOT NULL);
                INSERT INTO categories SELECT g, NULL, 'root-' || g FROM generate_series(1, 10) g;
                INSERT INTO categories SELECT g, 1 + (g - 11) % 10,
                       CASE WHEN g % 17 = 0 THEN 'hidden-' ELSE 'cat-' END || g FROM generate_series(11, 30) g;
                INSERT INTO categories SELECT g, 11 + (g - 31) % 20,
                       CASE WHEN g % 17 = 0 THEN 'hidden-' ELSE 'cat-' END || g FROM generate_series(31, 70) g;
                INSERT INTO categories SELECT g, 31 + (g - 71) % 40,
                       CASE WHEN g % 17 = 0 THEN 'hidden-' ELSE 'cat-' END || g FROM generate_series(71, 150) g;
                INSERT INTO categories SELECT g, 71 + (g - 151) % 80,
                       CASE WHEN g % 17 = 0 THEN 'hidden-' ELSE 'cat-' END || g FROM generate_series(151, 310) g;
                INSERT INTO categories SELECT g, 151 + (g - 311) % 160,
                       CASE WHEN g % 17 = 0 THEN 'hidden-' ELSE 'cat-' END || g FROM generate_series(311, 630) g;
                INSERT INTO categories SELECT g, 311 + (g - 631) % 320,
                       CASE WHEN g % 17 = 0 THEN 'hidden-' ELSE 'cat-' END || g FROM generate_series(631, 1270) g;
                INSERT INTO categories SELECT g, 631 + (g - 1271) % 640,
                       CASE WHEN g % 17 = 0 THEN 'hidden-' ELSE 'cat-' END || g FROM generate_series(1271, 10000) g;
                CREATE TABLE links (id bigint PRIMARY KEY, parent_id bigint, name text NOT NULL);
                INSERT INTO links VALUES (1, 3, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, 4, 'self'), (5, 1, 'd');
                """);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        categories = db.repository(Categories.class);
        for (Categories.Flat row : categories.flat()) {
            parents.put(row.id(), row.parentId());
            if (row.parentId() != null) {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row.id());
            }
        }
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** Depth-first, children in id order: the order of the paths as PostgreSQL sorts arrays. */
    private static void walk(long id, int depth, List<Long> path, int maxDepth, List<String> out) {
        List<Long> here = new ArrayList<>(path);
        here.add(id);
        out.add(id + "@" + depth + ":" + here);
        if (depth < maxDepth) {
            for (long child : children.getOrDefault(id, List.of())) {
                walk(child, depth + 1, here, maxDepth, out);
            }
        }
    }

    private static List<String> describe(List<Categories.Node> nodes) {
        return nodes.stream().map(n -> n.id() + "@" + n.depth() + ":" + n.path()).toList();
    }

    @Test
    void theWholeForestEqualsTheTreeBuiltInJava() {
        assertEquals(10_000, parents.size());
        int deepest = 0;
        List<String> expected = new ArrayList<>();
        for (long root = 1; root <= 10; root++) {
            walk(root, 0, List.of(), 100, expected);
        }
        List<Categories.Node> nodes = categories.all();
        assertEquals(expected, describe(nodes));
        for (Categories.Node node : nodes) {
            deepest = Math.max(deepest, node.depth());
            assertEquals(node.path().size() - 1, node.depth());
            assertEquals(node.parentId(), parents.get(node.id()));
        }
        assertEquals(7, deepest, "eight levels: depths 0 to 7");
    }

    @Test
    void maxDepthIsTheDeepestDepthReturned() {
        List<String> expected = new ArrayList<>();
        walk(2, 0, List.of(), 3, expected);
        List<Categories.Node> nodes = categories.subtree(2);
        assertEquals(expected, describe(nodes));
        assertEquals(3, nodes.stream().mapToInt(Categories.Node::depth).max().orElseThrow());
    }

    @Test
    void upFromALeafReturnsItsAncestors() {
        long leaf = parents.keySet().stream().filter(id -> !children.containsKey(id)).max(Long::compare).orElseThrow();
        List<Long> chain = new ArrayList<>();
        for (Long id = leaf; id != null; id = parents.get(id)) {
            chain.add(id);
        }
        List<Categories.Node> ancestors = categories.ancestors(leaf);
        assertEquals(chain, ancestors.stream().map(Categories.Node::id).toList());
        for (int i = 0; i < ancestors.size(); i++) {
            assertEquals(i, ancestors.get(i).depth());
            assertEquals(chain.subList(0, i + 1), ancestors.get(i).path());
        }
    }

    @Test
    void aWhereFilterEndsTheBranchesOfTheNodesItExcludes() {
        List<Categories.Node> all = categories.all();
        List<Categories.Node> visible = categories.visible("hidden-%");
        assertTrue(visible.size() < all.size());
        Map<Long, String> names = new HashMap<>();
        all.forEach(n -> names.put(n.id(), n.name()));
        Map<Long, Categories.Node> byId = new HashMap<>();
        visible.forEach(n -> byId.put(n.id(), n));
        for (Categories.Node node : all) {
            boolean hiddenOnPath = node.path().stream().anyMatch(id -> names.get(id).startsWith("hidden-"));
            assertEquals(!hiddenOnPath, byId.containsKey(node.id()), "node " + node.id());
        }
    }

    @Test
    void aStreamReturnsTheSameRows() {
        try (Stream<Categories.Node> stream = categories.streamAll()) {
            assertEquals(categories.all(), stream.toList());
        }
    }

    @Test
    void cyclesAndSelfLoopsEndTheWalkWithEachNodeOncePerPath() {
        // 1 -> 2 -> 3 -> 1 is a cycle (parent links 1:3, 2:1, 3:2), 5 hangs off 1, 4 is its own parent
        List<Categories.Node> nodes = categories.walkLinks(1);
        assertEquals(List.of("1@0:[1]", "2@1:[1, 2]", "3@2:[1, 2, 3]", "5@1:[1, 5]"), describe(nodes));
        assertEquals(List.of("4@0:[4]"), describe(categories.walkLinks(4)));
    }
}
