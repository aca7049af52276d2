package dev.quarry.it.readme;

import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.util.List;

/** The README's relation sample. */
@Repository
interface RelationSample {
    @Table("order_items") record Item(@Id long id, long orderId, String sku, int quantity) {}

    @Table("orders") record Order(@Id long id, long userId, BigDecimal total,
            @Relation(parentColumn = "id", childColumn = "order_id") List<Item> items) {}

    @Table("users") record UserWithOrders(@Id long id, String email,
            @Relation(parentColumn = "id", childColumn = "user_id", orderBy = "created_at DESC") List<Order> orders) {}

    @Query("SELECT id, email FROM users WHERE tenant_id = :tenantId ORDER BY id")
    List<UserWithOrders> withOrders(long tenantId);                       // SELECT_IN: 3 statements

    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Query("SELECT id, email FROM users ORDER BY id LIMIT :limit OFFSET :offset")
    List<UserWithOrders> page(int limit, int offset);                     // JOINED: 1 statement
}
