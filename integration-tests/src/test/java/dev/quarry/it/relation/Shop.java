package dev.quarry.it.relation;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shop's records: users → orders → order_items, and a to-one profile per user. Besides the
 * full {@link User}, narrower shapes of the same tables give one- and two-tier graphs and the
 * other kinds of relation component.
 */
public final class Shop {
    private Shop() {}

    @Table("order_items")
    public record Item(@Id long id, long orderId, String sku, int quantity) {}

    /** Items in {@code @Id} order, since the relation names no {@code orderBy}. */
    @Table("orders")
    public record Order(@Id long id, long userId, BigDecimal total, Instant createdAt,
                        @Relation(parentColumn = "id", childColumn = "order_id") List<Item> items) {}

    @Table("profiles")
    public record Profile(@Id long userId, String bio) {}

    /** Three tiers: orders (newest first), their items, and the profile beside them. */
    @Table("users")
    public record User(@Id long id, String email,
                       @Relation(parentColumn = "id", childColumn = "user_id", orderBy = "created_at DESC")
                       List<Order> orders,
                       @Relation(parentColumn = "id", childColumn = "user_id") Optional<Profile> profile) {}

    @Table("orders")
    public record OrderSummary(@Id long id, long userId, BigDecimal total, Instant createdAt) {}

    /** One tier. */
    @Table("users")
    public record UserSummary(@Id long id, String email,
                              @Relation(parentColumn = "id", childColumn = "user_id", orderBy = "created_at DESC")
                              List<OrderSummary> orders) {}

    /** Two tiers. */
    @Table("users")
    public record UserOrders(@Id long id, String email,
                             @Relation(parentColumn = "id", childColumn = "user_id", orderBy = "created_at DESC")
                             List<Order> orders) {}

    @Table("users")
    public record UserOrderSet(@Id long id, String email,
                               @Relation(parentColumn = "id", childColumn = "user_id", orderBy = "created_at DESC")
                               Set<OrderSummary> orders) {}

    /** A plain to-one component: {@code null} when the user has no profile. */
    @Table("users")
    public record UserProfile(@Id long id, String email,
                              @Relation(parentColumn = "id", childColumn = "user_id") Profile profile) {}

    /** To-one declared over a to-many foreign key: fine for users with at most one order. */
    @Table("users")
    public record UserLatestOrder(@Id long id, String email,
                                  @Relation(parentColumn = "id", childColumn = "user_id") Optional<OrderSummary> latest) {}

    @Table("users")
    public record UserOneOrder(@Id long id, String email,
                               @Relation(parentColumn = "id", childColumn = "user_id") OrderSummary order) {}

    /** Only the items of more than one piece, through the relation's own query. */
    @Table("orders")
    public record OrderBulkItems(@Id long id, long userId,
                                 @Relation(parentColumn = "id", childColumn = "order_id",
                                         query = "SELECT id, order_id, sku, quantity FROM order_items"
                                                 + " WHERE order_id = ANY(:keys) AND quantity > 1 ORDER BY id")
                                 List<Item> bulkItems) {}

    /** An orderBy naming its column with the child table, as SQL over that table may. */
    @Table("users")
    public record UserQualifiedOrders(@Id long id, String email,
                                      @Relation(parentColumn = "id", childColumn = "user_id",
                                              orderBy = "orders.created_at DESC")
                                      List<OrderSummary> orders) {}

    /** Children ordered by a column with ties: only the @Id decides between equal quantities. */
    @Table("orders")
    public record OrderByQuantity(@Id long id,
                                  @Relation(parentColumn = "id", childColumn = "order_id", orderBy = "quantity DESC")
                                  List<Item> items) {}

    /** A relation on a column that is not the parent's key: orders of one user share their siblings. */
    @Table("orders")
    public record OrderSiblings(@Id long id, long userId,
                                @Relation(parentColumn = "user_id", childColumn = "user_id", orderBy = "created_at DESC")
                                List<OrderSummary> siblings) {}
}
