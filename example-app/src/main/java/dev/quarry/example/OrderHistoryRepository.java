package dev.quarry.example;

import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;

/** A page of a tenant's users with their orders and each order's items, loaded either way Quarry can. */
@Repository
public interface OrderHistoryRepository {
    String PAGE = """
            SELECT id, tenant_id, email
            FROM users
            WHERE tenant_id = :tenantId
            ORDER BY id
            LIMIT :limit OFFSET :offset""";

    /** Three statements whatever the page size: the page, all its users' orders, all those orders' items. */
    @Fetch(value = "orders", strategy = FetchStrategy.SELECT_IN)
    @Fetch(value = "orders.items", strategy = FetchStrategy.SELECT_IN)
    @Query(PAGE)
    List<UserWithOrders> pageSelectIn(long tenantId, int limit, int offset);

    /**
     * One statement: the page becomes a subquery LEFT JOINed to orders and items, so LIMIT and OFFSET still
     * count users; each user's columns come back once per item, the price of the single round trip.
     */
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Query(PAGE)
    List<UserWithOrders> pageJoined(long tenantId, int limit, int offset);
}
