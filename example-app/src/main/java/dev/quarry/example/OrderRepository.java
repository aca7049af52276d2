package dev.quarry.example;

import dev.quarry.annotations.Bind;
import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Find;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Update;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads of {@code orders} and their items. */
@Repository
public interface OrderRepository {

    /** {@code IN (:userIds)} becomes {@code = ANY(?)} with one array, however many ids there are. */
    @Query("""
            SELECT id, user_id, status, total, created_at
            FROM orders
            WHERE user_id IN (:userIds)
            ORDER BY user_id, id""")
    List<Order> findByUserIds(List<Long> userIds);

    /** The newest {@code perTenant} orders of every tenant, ranked inside the tenant by a window function. */
    @Query("""
            SELECT order_id, tenant_id, email, total, created_at, tenant_rank
            FROM (SELECT o.id AS order_id, u.tenant_id, u.email, o.total, o.created_at,
                         row_number() OVER (PARTITION BY u.tenant_id ORDER BY o.created_at DESC) AS tenant_rank
                  FROM orders o
                  JOIN users u ON u.id = o.user_id) ranked
            WHERE tenant_rank <= :perTenant
            ORDER BY tenant_id, tenant_rank""")
    List<RankedOrder> latestPerTenant(int perTenant);

    /** A {@code Set} keeps the rows' order, so ORDER BY still decides how the SKUs are listed. */
    @Query("""
            SELECT DISTINCT i.sku
            FROM order_items i
            JOIN orders o ON o.id = i.order_id
            WHERE o.user_id = :userId
            ORDER BY i.sku""")
    Set<String> skusBoughtBy(long userId);

    /**
     * Every order through a server-side cursor, 10 000 rows per round trip and per list: memory holds one
     * partition at a time, however many orders there are. Close the stream (try-with-resources).
     */
    @FetchSize(10_000)
    @Query("SELECT id, user_id, status, total, created_at FROM orders ORDER BY id")
    Stream<List<Order>> allInPartitions();

    @Query("SELECT count(*) AS orders, coalesce(sum(total), 0) AS total FROM orders")
    OrderTotals totals();

    /** The statuses of these orders, in id order: the SELECT is written from {@link OrderStatus}. */
    @Find
    List<OrderStatus> statusesOf(@Bind("id") List<Long> ids);

    /**
     * Sets each order's status where its version is still the one read (and moves the version on),
     * one statement per 10 000 orders; a stale order fails the call with nothing written.
     */
    @Update(columns = "status")
    long setStatuses(List<OrderStatus> orders);
}
