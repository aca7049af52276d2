package dev.quarry.example;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.TopPerGroup;
import java.util.List;

/** Aggregates over the whole data set. */
@Repository
public interface ReportRepository {

    /**
     * LEFT JOINs keep a tenant without orders in the report, with zero revenue; the status test sits in
     * the join condition because in WHERE it would drop those tenants again.
     */
    @Query("""
            SELECT t.id AS tenant_id, t.name AS tenant, count(o.id) AS orders,
                   coalesce(sum(o.total), 0) AS revenue
            FROM tenants t
            LEFT JOIN users u ON u.tenant_id = t.id
            LEFT JOIN orders o ON o.user_id = u.id AND o.status <> 'cancelled'
            GROUP BY t.id, t.name
            ORDER BY revenue DESC, t.id""")
    List<TenantRevenue> revenuePerTenant();

    @Query("""
            SELECT sku, sum(quantity) AS units, sum(quantity * price) AS revenue
            FROM order_items
            GROUP BY sku
            ORDER BY revenue DESC, sku
            LIMIT :limit""")
    List<SkuSales> topSkus(int limit);

    /**
     * The {@code perTenant} biggest orders of every tenant: Quarry wraps the query in
     * {@code row_number() OVER (PARTITION BY tenant_id ORDER BY total DESC, order_id)} and keeps the ranks up
     * to {@code perTenant}; rows come by tenant, then rank.
     */
    @TopPerGroup(partitionBy = "tenant_id", orderBy = "total DESC, order_id", limit = ":perTenant", rank = "tenant_rank")
    @Query("""
            SELECT o.id AS order_id, u.tenant_id, u.email, o.total, o.created_at
            FROM orders o
            JOIN users u ON u.id = o.user_id""")
    List<RankedOrder> biggestPerTenant(int perTenant);
}
