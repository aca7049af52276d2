package dev.quarry.it.analytics;

import dev.quarry.annotations.Column;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.TopPerGroup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Analytical SQL, written by hand: nothing here needs more than @Query, except the top-N helper. */
@Repository
public interface Analytics {
    record RankedOrder(long userId, long id, Instant createdAt, int rank) {}

    record TenantRankedOrder(long tenantId, long id, BigDecimal total, long tenantRank) {}

    record StatusCounts(long userId, long paid, long open) {}

    record GroupCount(Long tenantId, String status, long orders) {}

    record LatestOrder(long userId, Long orderId, BigDecimal total) {}

    record Spender(long userId, BigDecimal spent) {}

    @TopPerGroup(partitionBy = "user_id", orderBy = "created_at DESC, id DESC", limit = ":n")
    @Query("SELECT user_id, id, created_at FROM orders")
    List<RankedOrder> latestPerUser(int n);

    @TopPerGroup(partitionBy = "user_id", orderBy = "created_at DESC, id DESC", limit = "1")
    @Query("SELECT user_id, id, created_at FROM orders WHERE total > :min")
    List<RankedOrder> latestAbove(BigDecimal min);

    @TopPerGroup(partitionBy = "tenant_id", orderBy = "total DESC, id", limit = ":n", rank = "tenant_rank")
    @Query("SELECT u.tenant_id, o.id, o.total FROM orders o JOIN users u ON u.id = o.user_id")
    List<TenantRankedOrder> biggestPerTenant(int n);

    @Query("""
            SELECT u.tenant_id, o.id, o.total,
                   row_number() OVER (PARTITION BY u.tenant_id ORDER BY o.total DESC, o.id) AS tenant_rank
            FROM orders o JOIN users u ON u.id = o.user_id
            ORDER BY u.tenant_id, tenant_rank""")
    List<TenantRankedOrder> rankedByTenant();

    @Query("""
            SELECT user_id,
                   count(*) FILTER (WHERE status = 'paid') AS paid,
                   count(*) FILTER (WHERE status = 'open') AS open
            FROM orders GROUP BY user_id ORDER BY user_id""")
    List<StatusCounts> statusCounts();

    @Query("""
            SELECT u.tenant_id, o.status, count(*) AS orders
            FROM orders o JOIN users u ON u.id = o.user_id
            GROUP BY GROUPING SETS ((u.tenant_id), (o.status), ())
            ORDER BY u.tenant_id NULLS LAST, o.status NULLS LAST""")
    List<GroupCount> groupingSets();

    @Query("""
            SELECT u.id FROM users u
            WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.total > :min)
            ORDER BY u.id""")
    List<Long> usersWithOrderAbove(BigDecimal min);

    @Query("""
            SELECT u.id FROM users u
            WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id)
            ORDER BY u.id""")
    List<Long> usersWithoutOrders();

    @Query("""
            SELECT u.id AS user_id, l.id AS order_id, l.total
            FROM users u
            LEFT JOIN LATERAL (SELECT o.id, o.total FROM orders o WHERE o.user_id = u.id
                               ORDER BY o.created_at DESC, o.id DESC LIMIT 1) l ON true
            ORDER BY u.id""")
    List<LatestOrder> latestViaLateral();

    @Query("""
            SELECT DISTINCT ON (user_id) user_id, id AS order_id, total
            FROM orders ORDER BY user_id, created_at DESC, id DESC""")
    List<LatestOrder> latestViaDistinctOn();

    @Query("""
            WITH spent AS (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id)
            SELECT user_id, spent FROM spent WHERE spent >= :atLeast ORDER BY spent DESC, user_id""")
    List<Spender> bigSpenders(BigDecimal atLeast);

    @Query("SELECT count(*) FROM orders o WHERE o.total > (SELECT avg(total) FROM orders WHERE user_id = o.user_id)")
    long ordersAboveTheirUsersAverage();

    @Query(value = "SELECT pg_sleep(:seconds)::text", timeout = 1)
    Optional<String> sleep(double seconds);
}
