package dev.quarry.it.pages;

import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The rows the page tests walk, by tenant, and the plain JDBC that says what a walk must yield.
 *
 * <ul>
 *   <li>tenant 1: 12 000 rows, of which exactly {@value #FILTERED} have kind {@code a} or {@code b},
 *       spread among the others; about 124 rows share each {@code created_at} (ties on the leading
 *       key), names repeat and some are not ASCII, prices have two decimals;
 *   <li>tenant 2: 500 rows of kinds a, b and c, about 29 at each of 17 instants; tenant 3: four rows
 *       ranked 1, 2, NULL, NULL; tenant 4: 25 rows at one instant, of kinds a and b; tenant 5: 300 rows that tests change while walking; tenant 6: 55 parents with 0 to
 *       3 tags each; tenant 7: exactly 20 rows; tenant 99: none.
 * </ul>
 */
final class ItemsData {
    static final int FILTERED = 10_007;
    static final Set<String> AB = Set.of("a", "b");

    private ItemsData() {}

    static void create(TestDatabase db) {
        db.execute("""
                CREATE TABLE items (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, name text NOT NULL,
                                    kind text NOT NULL, price numeric(10, 2) NOT NULL, rank int,
                                    created_at timestamptz NOT NULL);
                CREATE INDEX items_tenant_created ON items (tenant_id, created_at, id);
                CREATE INDEX items_tenant_kind_created ON items (tenant_id, kind, created_at DESC, id);
                CREATE TABLE tags (id bigint PRIMARY KEY, item_id bigint NOT NULL REFERENCES items ON DELETE CASCADE,
                                   label text NOT NULL);
                INSERT INTO items
                  SELECT i, 1,
                         CASE WHEN i % 11 = 0 THEN 'Zoë ' || (i % 37) WHEN i % 13 = 0 THEN 'émile'
                              ELSE 'item ' || lpad((i % 500)::text, 3, '0') END,
                         CASE WHEN (i * 7) % 12000 >= 10007 THEN 'c' WHEN i % 3 = 0 THEN 'b' ELSE 'a' END,
                         ((i * 31) % 1000) / 100.0, NULL,
                         timestamptz '2024-01-01 00:00:00+00' + ((i * 7919) % 97) * interval '1 minute'
                  FROM generate_series(1, 12000) i;
                INSERT INTO items
                  SELECT 12000 + i, 2, 'other ' || i, (ARRAY['a', 'b', 'c'])[1 + i % 3], 1.50, NULL,
                         timestamptz '2024-01-01 00:00:00+00' + (i % 17) * interval '1 second'
                  FROM generate_series(1, 500) i;
                INSERT INTO items VALUES
                  (20001, 3, 'r1', 'a', 1, 1, now()), (20002, 3, 'r2', 'a', 1, 2, now()),
                  (20003, 3, 'r3', 'a', 1, NULL, now()), (20004, 3, 'r4', 'a', 1, NULL, now());
                INSERT INTO items
                  SELECT 30000 + i, 4, 'same ' || i, (ARRAY['a', 'b'])[1 + i % 2], 2.00, NULL,
                         timestamptz '2024-06-01 12:00:00.123456+00'
                  FROM generate_series(1, 25) i;
                INSERT INTO items
                  SELECT 40000 + i, 5, 'moving ' || i, 'a', 3.00, NULL,
                         timestamptz '2024-01-01 00:00:00+00' + (i % 10) * interval '1 minute'
                  FROM generate_series(1, 300) i;
                INSERT INTO items
                  SELECT 50000 + i, 6, 'parent ' || i, 'a', 4.00, NULL,
                         timestamptz '2024-01-01 00:00:00+00' + (i % 6) * interval '1 hour'
                  FROM generate_series(1, 55) i;
                INSERT INTO tags
                  SELECT (50000 + p) * 10 + k, 50000 + p, 'tag ' || p || '.' || k
                  FROM generate_series(1, 55) p, generate_series(1, p % 4) k;
                INSERT INTO items
                  SELECT 60000 + i, 7, 'twenty ' || i, 'a', 5.00, NULL,
                         timestamptz '2024-01-01 00:00:00+00' + i * interval '1 day'
                  FROM generate_series(1, 20) i;
                ANALYZE items;
                ANALYZE tags;
                """);
        if (db.queryLong("SELECT count(*) FROM items WHERE tenant_id = 1 AND kind IN ('a', 'b')") != FILTERED) {
            throw new IllegalStateException("the filtered result is not " + FILTERED + " rows");
        }
    }

    /** The first column (a bigint) of every row of {@code sql}; a collection binds as a bigint array (of longs) or a text array. */
    static List<Long> ids(TestDatabase db, String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Collection<?> values) {
                    boolean numbers = !values.isEmpty() && values.iterator().next() instanceof Long;
                    s.setArray(i + 1, c.createArrayOf(numbers ? "int8" : "text", values.toArray()));
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
