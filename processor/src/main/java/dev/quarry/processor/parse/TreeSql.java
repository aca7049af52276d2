package dev.quarry.processor.parse;

import dev.quarry.annotations.Tree;

/**
 * The recursive query of a {@code @Tree} method. The depth is counted, not derived from data;
 * the path of ids both orders the rows depth-first and cuts cycles (a node already on the path
 * is not visited again); {@code where} filters the node set before the walk, so its unqualified
 * column names are never ambiguous.
 */
final class TreeSql {
    private TreeSql() {}

    static String build(Tree tree) {
        String nodes = tree.where().isBlank()
                ? "SELECT * FROM " + tree.table()
                : "SELECT * FROM " + tree.table() + " WHERE " + tree.where();
        String link = tree.up()
                ? "_n." + tree.id() + " = _t." + tree.parent()
                : "_n." + tree.parent() + " = _t." + tree.id();
        return "WITH RECURSIVE _nodes AS (" + nodes + "), "
                + "_tree AS ("
                + "SELECT _n.*, 0 AS depth, ARRAY[_n." + tree.id() + "] AS path FROM _nodes _n WHERE " + tree.start()
                + " UNION ALL "
                + "SELECT _n.*, _t.depth + 1, _t.path || _n." + tree.id() + " FROM _nodes _n JOIN _tree _t ON " + link
                + " WHERE _t.depth < " + tree.maxDepth() + " AND _n." + tree.id() + " <> ALL(_t.path)"
                + ") SELECT * FROM _tree ORDER BY path";
    }
}
