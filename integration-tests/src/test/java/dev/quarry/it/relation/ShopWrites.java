package dev.quarry.it.relation;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.math.BigDecimal;
import java.time.Instant;

/** Rows written inside a transaction, where only the repositories' own connection sees them. */
@Repository
public interface ShopWrites {
    @Query("INSERT INTO users (id, email) VALUES (:id, :email)")
    void addUser(long id, String email);

    @Query("INSERT INTO orders (id, user_id, total, created_at) VALUES (:id, :userId, :total, :createdAt)")
    void addOrder(long id, long userId, BigDecimal total, Instant createdAt);

    @Query("INSERT INTO order_items (id, order_id, sku, quantity) VALUES (:id, :orderId, :sku, :quantity)")
    void addItem(long id, long orderId, String sku, int quantity);

    @Query("INSERT INTO profiles (user_id, bio) VALUES (:userId, :bio)")
    void addProfile(long userId, String bio);
}
