package dev.quarry.it.relation;

import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The shop loaded {@code SELECT_IN}: by default, except where {@code @Fetch} says so explicitly. */
@Repository
public interface SelectInShop extends ShopQueries {
    @Override
    @Query(ShopSql.USERS)
    List<Shop.UserSummary> summaries();

    @Override
    @Query(ShopSql.USERS)
    List<Shop.UserOrders> userOrders();

    // Named explicitly once, to show the annotation with the default strategy changes nothing.
    @Override
    @Fetch(value = "orders", strategy = FetchStrategy.SELECT_IN)
    @Fetch(value = "orders.items", strategy = FetchStrategy.SELECT_IN)
    @Query(ShopSql.USERS)
    List<Shop.User> users();

    @Override
    @Query(ShopSql.USERS_BY_EMAIL_DESC)
    List<Shop.User> usersByEmailDesc();

    @Override
    @Query(ShopSql.USERS_PER_ORDER)
    List<Shop.User> usersPerOrder();

    @Override
    @Query(ShopSql.RANGE)
    Shop.User single(long from, long to);

    @Override
    @Query(ShopSql.RANGE)
    Optional<Shop.User> optional(long from, long to);

    @Override
    @Query(ShopSql.RANGE)
    List<Shop.User> list(long from, long to);

    @Override
    @Query(ShopSql.RANGE)
    Set<Shop.User> set(long from, long to);

    @Override
    @Query(ShopSql.PAGE)
    List<Shop.User> page();

    @Override
    @Query(ShopSql.USERS)
    List<Shop.UserOrderSet> orderSets();

    @Override
    @Query(ShopSql.USERS)
    List<Shop.UserProfile> profiles();

    @Override
    @Query(ShopSql.USER)
    Optional<Shop.UserLatestOrder> latestOrder(long id);

    @Override
    @Query(ShopSql.USER)
    Shop.UserOneOrder oneOrder(long id);

    @Override
    @Query(ShopSql.ORDER_IDS)
    List<Shop.OrderByQuantity> ordersByQuantity();

    @Override
    @Query(ShopSql.USERS)
    List<Shop.UserQualifiedOrders> qualifiedOrderBy();

    @Override
    @Query(ShopSql.ORDERS_OF_FIRST_USERS)
    List<Shop.OrderSiblings> orderSiblings();

    /** A relation with its own child query; JOINED reads child tables directly and cannot use one. */
    @Query(ShopSql.ORDERS)
    List<Shop.OrderBulkItems> ordersWithBulkItems();
}
