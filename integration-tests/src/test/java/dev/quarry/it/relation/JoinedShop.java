package dev.quarry.it.relation;

import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The shop loaded {@code JOINED}: every relation path of every method in its one statement. */
@Repository
public interface JoinedShop extends ShopQueries {
    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USERS)
    List<Shop.UserSummary> summaries();

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USERS)
    List<Shop.UserOrders> userOrders();

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USERS)
    List<Shop.User> users();

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USERS_BY_EMAIL_DESC)
    List<Shop.User> usersByEmailDesc();

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USERS_PER_ORDER)
    List<Shop.User> usersPerOrder();

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.RANGE)
    Shop.User single(long from, long to);

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.RANGE)
    Optional<Shop.User> optional(long from, long to);

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.RANGE)
    List<Shop.User> list(long from, long to);

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.RANGE)
    Set<Shop.User> set(long from, long to);

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.PAGE)
    List<Shop.User> page();

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USERS)
    List<Shop.UserOrderSet> orderSets();

    @Override
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USERS)
    List<Shop.UserProfile> profiles();

    @Override
    @Fetch(value = "latest", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USER)
    Optional<Shop.UserLatestOrder> latestOrder(long id);

    @Override
    @Fetch(value = "order", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USER)
    Shop.UserOneOrder oneOrder(long id);

    @Override
    @Fetch(value = "items", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.ORDER_IDS)
    List<Shop.OrderByQuantity> ordersByQuantity();

    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USERS)
    List<Shop.UserQualifiedOrders> qualifiedOrderBy();

    @Override
    @Fetch(value = "siblings", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.ORDERS_OF_FIRST_USERS)
    List<Shop.OrderSiblings> orderSiblings();

    /** Orders joined, their items and the profile loaded after it: one joined statement plus two tiers. */
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.USERS)
    List<Shop.User> usersOrdersJoinedRestSelectIn();

    /** Parents that tie on the SQL's ORDER BY, with their own children joined. */
    @Fetch(value = "items", strategy = FetchStrategy.JOINED)
    @Query(ShopSql.ORDERS_BY_USER_DESC)
    List<Shop.Order> ordersByUserDesc();
}
