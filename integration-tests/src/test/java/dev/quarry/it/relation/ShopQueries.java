package dev.quarry.it.relation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The loads both strategies implement with the same SQL, so a test runs one body against
 * {@link SelectInShop} and {@link JoinedShop} alike.
 */
public interface ShopQueries {
    /** users → orders. */
    List<Shop.UserSummary> summaries();

    /** users → orders → items. */
    List<Shop.UserOrders> userOrders();

    /** users → orders → items, and users → profile. */
    List<Shop.User> users();

    List<Shop.User> usersByEmailDesc();

    List<Shop.User> usersPerOrder();

    Shop.User single(long from, long to);

    Optional<Shop.User> optional(long from, long to);

    List<Shop.User> list(long from, long to);

    Set<Shop.User> set(long from, long to);

    List<Shop.User> page();

    List<Shop.UserOrderSet> orderSets();

    List<Shop.UserProfile> profiles();

    Optional<Shop.UserLatestOrder> latestOrder(long id);

    Shop.UserOneOrder oneOrder(long id);

    List<Shop.OrderByQuantity> ordersByQuantity();

    List<Shop.UserQualifiedOrders> qualifiedOrderBy();

    List<Shop.OrderSiblings> orderSiblings();
}
