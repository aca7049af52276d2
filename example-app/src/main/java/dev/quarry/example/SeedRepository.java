package dev.quarry.example;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;

/**
 * Generates the example's data set inside PostgreSQL, one INSERT … SELECT per table, so that thousands
 * of rows cost a handful of statements.
 *
 * <p>Every "random" choice is {@code h = g * 2654435761 mod 2^32} (Knuth's multiplicative hash) of the
 * row number {@code g}, read at different bit offsets: the same data on every run and on every PostgreSQL
 * version, which {@code setseed()} with {@code random()} does not promise. Rows refer to their parents
 * through arrays of the parents' ids, so nothing depends on where the sequences start.
 */
@Repository
public interface SeedRepository {

    @Query("""
            INSERT INTO tenants (name)
            SELECT name FROM unnest(:names) WITH ORDINALITY AS t (name, n)
            ORDER BY n""")
    int insertTenants(List<String> names);

    /** 13 in 20 users are active, 5 pending and 2 blocked; one is created every four hours of 2023. */
    @Query("""
            INSERT INTO users (tenant_id, email, status, created_at, updated_at)
            SELECT t.ids[1 + (s.h >> 7) % cardinality(t.ids)],
                   'user' || s.g || '@example.com',
                   CASE WHEN (s.h >> 13) % 20 < 13 THEN 'active'
                        WHEN (s.h >> 13) % 20 < 18 THEN 'pending'
                        ELSE 'blocked' END,
                   s.created_at,
                   s.created_at
            FROM (SELECT array_agg(id ORDER BY id) AS ids FROM tenants) t,
                 (SELECT g, g::bigint * 2654435761 % 4294967296 AS h,
                         timestamptz '2023-01-01 00:00:00+00' + g * interval '4 hours' AS created_at
                  FROM generate_series(1, :count) g) s
            ORDER BY s.g""")
    int insertUsers(int count);

    /** Totals stay 0 here; {@link #computeOrderTotals()} sums the items once they exist. */
    @Query("""
            INSERT INTO orders (user_id, status, created_at)
            SELECT u.ids[1 + (s.h >> 3) % cardinality(u.ids)],
                   (ARRAY['new', 'paid', 'paid', 'shipped', 'shipped', 'shipped', 'cancelled'])[1 + (s.h >> 17) % 7],
                   timestamptz '2024-01-01 00:00:00+00' + s.g * interval '83 minutes'
            FROM (SELECT array_agg(id ORDER BY id) AS ids FROM users) u,
                 (SELECT g, g::bigint * 2654435761 % 4294967296 AS h FROM generate_series(1, :count) g) s
            ORDER BY s.g""")
    int insertOrders(int count);

    /** Items go round-robin over the orders, so every order gets at least one when there are enough items. */
    @Query("""
            INSERT INTO order_items (order_id, sku, quantity, price)
            SELECT o.ids[1 + (s.g - 1) % cardinality(o.ids)],
                   'SKU-' || lpad(((s.h >> 5) % 250)::text, 3, '0'),
                   1 + (s.h >> 11) % 4,
                   (100 + (s.h >> 15) % 9900) / 100.0
            FROM (SELECT array_agg(id ORDER BY id) AS ids FROM orders) o,
                 (SELECT g, g::bigint * 2654435761 % 4294967296 AS h FROM generate_series(1, :count) g) s
            ORDER BY s.g""")
    int insertOrderItems(int count);

    @Query("""
            UPDATE orders o
            SET total = s.total
            FROM (SELECT order_id, sum(quantity * price) AS total FROM order_items GROUP BY order_id) s
            WHERE s.order_id = o.id""")
    int computeOrderTotals();

    @Query("""
            INSERT INTO categories (name)
            SELECT name FROM unnest(:names) WITH ORDINALITY AS r (name, n)
            ORDER BY n""")
    int insertRootCategories(List<String> names);

    /** Grows the tree by one level: {@code perParent} children named {@code <parent>/<n>} under every leaf. */
    @Query("""
            INSERT INTO categories (parent_id, name)
            SELECT p.id, p.name || '/' || g
            FROM categories p
            CROSS JOIN generate_series(1, :perParent) g
            WHERE NOT EXISTS (SELECT 1 FROM categories c WHERE c.parent_id = p.id)
            ORDER BY p.id, g""")
    int addChildrenToLeaves(int perParent);
}
