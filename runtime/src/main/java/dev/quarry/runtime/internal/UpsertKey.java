package dev.quarry.runtime.internal;

/**
 * An upsert's conflict key as its statement spells it: per key column, its index among the
 * table's columns and the expression its {@code DISTINCT ON (…)} and {@code ORDER BY} start with
 * ({@code u.email}). The runtime casts those expressions to the column types the catalog gives,
 * so that the statement compares keys as PostgreSQL will store them.
 *
 * <pre>{@code
 * private static final UpsertKey UPSERT_ALL_KEY = new UpsertKey(new int[] {0, 2}, "u.email", "u.code");
 * }</pre>
 */
public final class UpsertKey {
    private final int[] columns;
    private final String[] expressions;

    public UpsertKey(int[] columns, String... expressions) {
        if (columns.length != expressions.length || columns.length == 0) {
            throw new IllegalArgumentException("one expression per key column, and at least one column");
        }
        this.columns = columns.clone();
        this.expressions = expressions.clone();
    }

    int size() {
        return columns.length;
    }

    int column(int i) {
        return columns[i];
    }

    String expression(int i) {
        return expressions[i];
    }
}
