package dev.quarry.it.relation;

import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The expected graphs, built by plain JDBC on a connection outside the code under test: every
 * table read whole, children grouped in Java in the order the relations promise. A graph is built
 * for the parent ids the user's SQL returns, which the test reads with the same plain JDBC.
 */
final class ShopReference {
    private final Map<Long, String> emails = new HashMap<>();
    private final Map<Long, List<Shop.OrderSummary>> ordersByUser = new HashMap<>();
    private final Map<Long, List<Shop.Item>> itemsByOrder = new HashMap<>();
    private final Map<Long, Shop.Profile> profiles = new HashMap<>();

    private ShopReference() {}

    static ShopReference read(TestDatabase db) {
        ShopReference reference = new ShopReference();
        try (Connection conn = db.dataSource().getConnection()) {
            query(conn, "SELECT id, email FROM users", rs -> reference.emails.put(rs.getLong(1), rs.getString(2)));
            query(conn, "SELECT id, user_id, total, created_at FROM orders ORDER BY user_id, created_at DESC", rs -> {
                Shop.OrderSummary order = new Shop.OrderSummary(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant());
                reference.ordersByUser.computeIfAbsent(order.userId(), k -> new ArrayList<>()).add(order);
            });
            query(conn, "SELECT id, order_id, sku, quantity FROM order_items ORDER BY order_id, id", rs -> {
                Shop.Item item = new Shop.Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4));
                reference.itemsByOrder.computeIfAbsent(item.orderId(), k -> new ArrayList<>()).add(item);
            });
            query(conn, "SELECT user_id, bio FROM profiles",
                    rs -> reference.profiles.put(rs.getLong(1), new Shop.Profile(rs.getLong(1), rs.getString(2))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return reference;
    }

    /** The first column of every row of {@code sql}, in order: the parent keys a user's query returns. */
    static List<Long> ids(TestDatabase db, String sql) {
        List<Long> ids = new ArrayList<>();
        try (Connection conn = db.dataSource().getConnection()) {
            query(conn, sql, rs -> ids.add(rs.getLong(1)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    List<Shop.UserSummary> summaries(List<Long> ids) {
        return ids.stream().map(id -> new Shop.UserSummary(id, email(id), orderSummaries(id))).toList();
    }

    List<Shop.UserOrders> userOrders(List<Long> ids) {
        return ids.stream().map(id -> new Shop.UserOrders(id, email(id), orders(id))).toList();
    }

    List<Shop.User> users(List<Long> ids) {
        return ids.stream().map(this::user).toList();
    }

    Shop.User user(long id) {
        return new Shop.User(id, email(id), orders(id), Optional.ofNullable(profiles.get(id)));
    }

    List<Shop.UserOrderSet> orderSets(List<Long> ids) {
        return ids.stream()
                .map(id -> new Shop.UserOrderSet(id, email(id), new LinkedHashSet<>(orderSummaries(id))))
                .toList();
    }

    List<Shop.UserProfile> profiles(List<Long> ids) {
        return ids.stream().map(id -> new Shop.UserProfile(id, email(id), profiles.get(id))).toList();
    }

    List<Shop.OrderSummary> orderSummaries(long userId) {
        return ordersByUser.getOrDefault(userId, List.of());
    }

    List<Shop.Item> items(long orderId) {
        return itemsByOrder.getOrDefault(orderId, List.of());
    }

    /** Every user id, in id order. */
    List<Long> userIds() {
        return emails.keySet().stream().sorted().toList();
    }

    /** Order {@code id} with its items. */
    Shop.Order order(long id) {
        return ordersByUser.values().stream().flatMap(List::stream).filter(o -> o.id() == id)
                .map(this::withItems).findFirst().orElseThrow(() -> new IllegalArgumentException("no order " + id));
    }

    private List<Shop.Order> orders(long userId) {
        return orderSummaries(userId).stream().map(this::withItems).toList();
    }

    private Shop.Order withItems(Shop.OrderSummary o) {
        return new Shop.Order(o.id(), o.userId(), o.total(), o.createdAt(), items(o.id()));
    }

    private String email(long id) {
        String email = emails.get(id);
        if (email == null) {
            throw new IllegalArgumentException("no user " + id);
        }
        return email;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection conn, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement stmt = conn.prepareStatement(sql); ResultSet rs = stmt.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }
}
