package dev.quarry.example;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
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
}
