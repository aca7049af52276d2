package dev.quarry.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The limit: plain pgjdbc as an expert writes it. Prepared statements (the driver turns them into
 * server-side prepared statements after a few uses), getters by column index, no layer in between.
 */
@State(Scope.Benchmark)
public class HandJdbc {
    static final String USER_BY_ID =
            "SELECT id, email, name, score, created_at FROM bench_users WHERE id = ?";
    static final String USER_PAGE =
            "SELECT id, email, name, score, created_at FROM bench_users WHERE id > ? ORDER BY id LIMIT 100";
    static final String CUSTOMERS = "SELECT id, name FROM bench_customers ORDER BY id";
    static final String ORDERS_OF =
            "SELECT id, customer_id, total FROM bench_orders WHERE customer_id = ANY(?) ORDER BY id";
    static final String ITEMS_OF =
            "SELECT id, order_id, sku, quantity FROM bench_order_items WHERE order_id = ANY(?) ORDER BY id";
    static final String CUSTOMERS_JOINED =
            "SELECT c.id, c.name, o.id, o.customer_id, o.total, i.id, i.order_id, i.sku, i.quantity"
            + " FROM bench_customers c"
            + " LEFT JOIN bench_orders o ON o.customer_id = c.id"
            + " LEFT JOIN bench_order_items i ON i.order_id = o.id"
            + " ORDER BY c.id, o.id, i.id";
    static final String POSTS_OFFSET = "SELECT id, author_id, title, likes, created_at FROM bench_posts"
            + " ORDER BY created_at, id LIMIT ? OFFSET ?";
    static final String POSTS_FIRST = "SELECT id, author_id, title, likes, created_at FROM bench_posts"
            + " ORDER BY created_at, id LIMIT ?";
    static final String POSTS_AFTER = "SELECT id, author_id, title, likes, created_at FROM bench_posts"
            + " WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?";
    static final String POST_KEY_AT = "SELECT created_at, id FROM bench_posts ORDER BY created_at, id LIMIT 1 OFFSET ?";
    static final String READINGS = "SELECT id, sensor, value, label FROM bench_readings";

    private DataSource dataSource;

    @Setup(Level.Trial)
    public void open(Pool pool) {
        dataSource = pool.dataSource();
    }

    public User user(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stmt = connection.prepareStatement(USER_BY_ID)) {
            stmt.setLong(1, id);
            try (ResultSet rs = stmt.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no user " + id);
                }
                return user(rs);
            }
        }
    }

    public List<User> page(long after) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stmt = connection.prepareStatement(USER_PAGE)) {
            stmt.setLong(1, after);
            try (ResultSet rs = stmt.executeQuery()) {
                List<User> users = new ArrayList<>(BenchSettings.PAGE);
                while (rs.next()) {
                    users.add(user(rs));
                }
                return users;
            }
        }
    }

    /**
     * W7 as a hand-written search builds it: the optional conditions and the sort appended to a
     * StringBuilder, the values bound in the same order; the text is Quarry's for the same call.
     */
    public List<User> search(long after, Integer minScore, String emailPrefix, java.time.Instant since, String sort,
                             boolean descending) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, email, name, score, created_at FROM bench_users"
                + " WHERE (id > ? AND id <= ? + 1000)");
        if (minScore != null) {
            sql.append(" AND (score >= ?)");
        }
        if (emailPrefix != null) {
            sql.append(" AND (email LIKE ?)");
        }
        if (since != null) {
            sql.append(" AND (created_at >= ?)");
        }
        sql.append(" ORDER BY ").append(sort).append(descending ? " DESC" : "").append(", id LIMIT 50");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stmt = connection.prepareStatement(sql.toString())) {
            int i = 1;
            stmt.setLong(i++, after);
            stmt.setLong(i++, after);
            if (minScore != null) {
                stmt.setInt(i++, minScore);
            }
            if (emailPrefix != null) {
                stmt.setString(i++, emailPrefix);
            }
            if (since != null) {
                stmt.setObject(i++, since.atOffset(java.time.ZoneOffset.UTC));
            }
            try (ResultSet rs = stmt.executeQuery()) {
                List<User> users = new ArrayList<>(50);
                while (rs.next()) {
                    users.add(user(rs));
                }
                return users;
            }
        }
    }

    /** W8 by offset: page {@code number} (from 1) of {@code size} rows. */
    public List<Post> postsPage(long number, int size) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stmt = connection.prepareStatement(POSTS_OFFSET)) {
            stmt.setInt(1, size);
            stmt.setLong(2, (number - 1) * size);
            try (ResultSet rs = stmt.executeQuery()) {
                List<Post> posts = new ArrayList<>(size);
                while (rs.next()) {
                    posts.add(post(rs));
                }
                return posts;
            }
        }
    }

    /** A keyset page as hand-written code returns it: the rows, and whether any follow. */
    public record PostsAfter(List<Post> rows, boolean hasNext) {}

    /**
     * W8 by keyset: the {@code size} rows after {@code key} in {@code (created_at, id)} order, or the
     * first ones for a null key. One row more is read to know whether a next page exists, as Quarry's
     * {@code CursoredPage} does; the caller's next key is the last row's.
     */
    public PostsAfter postsAfter(PostKey key, int size) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stmt = connection.prepareStatement(key == null ? POSTS_FIRST : POSTS_AFTER)) {
            int i = 1;
            if (key != null) {
                stmt.setObject(i++, key.createdAt());
                stmt.setLong(i++, key.id());
            }
            stmt.setInt(i, size + 1);
            try (ResultSet rs = stmt.executeQuery()) {
                List<Post> posts = new ArrayList<>(size + 1);
                while (rs.next()) {
                    posts.add(post(rs));
                }
                boolean hasNext = posts.size() > size;
                if (hasNext) {
                    posts.remove(size);
                }
                return new PostsAfter(posts, hasNext);
            }
        }
    }

    /** The ORDER BY key of a {@code bench_posts} row, which a hand-written keyset page starts after. */
    public record PostKey(java.time.OffsetDateTime createdAt, long id) {}

    /** The key of the row at {@code position} (from 1) in {@code (created_at, id)} order. */
    public PostKey postKeyAt(long position) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stmt = connection.prepareStatement(POST_KEY_AT)) {
            stmt.setLong(1, position - 1);
            try (ResultSet rs = stmt.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no post at position " + position);
                }
                return new PostKey(rs.getObject(1, OffsetDateTime.class), rs.getLong(2));
            }
        }
    }

    private static Post post(ResultSet rs) throws SQLException {
        return new Post(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    /**
     * Three statements on one connection: the parents, then each tier's children by
     * {@code = ANY(?)} over the keys of the tier above, grouped in hash maps and assembled bottom-up.
     */
    public List<Customer> customersSelectIn() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> customerIds = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement stmt = connection.prepareStatement(CUSTOMERS);
                 ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    customerIds.add(rs.getLong(1));
                    names.add(rs.getString(2));
                }
            }

            List<Long> orderIds = new ArrayList<>();
            List<Long> orderCustomers = new ArrayList<>();
            List<BigDecimal> totals = new ArrayList<>();
            try (PreparedStatement stmt = connection.prepareStatement(ORDERS_OF)) {
                stmt.setArray(1, connection.createArrayOf("int8", customerIds.toArray(new Long[0])));
                try (ResultSet rs = stmt.executeQuery()) {
                    while (rs.next()) {
                        orderIds.add(rs.getLong(1));
                        orderCustomers.add(rs.getLong(2));
                        totals.add(rs.getBigDecimal(3));
                    }
                }
            }

            Map<Long, List<Item>> itemsByOrder = new HashMap<>(orderIds.size() * 2);
            try (PreparedStatement stmt = connection.prepareStatement(ITEMS_OF)) {
                stmt.setArray(1, connection.createArrayOf("int8", orderIds.toArray(new Long[0])));
                try (ResultSet rs = stmt.executeQuery()) {
                    while (rs.next()) {
                        long orderId = rs.getLong(2);
                        itemsByOrder.computeIfAbsent(orderId, k -> new ArrayList<>())
                                .add(new Item(rs.getLong(1), orderId, rs.getString(3), rs.getInt(4)));
                    }
                }
            }

            Map<Long, List<Order>> ordersByCustomer = new HashMap<>(customerIds.size() * 2);
            for (int i = 0; i < orderIds.size(); i++) {
                long orderId = orderIds.get(i);
                long customerId = orderCustomers.get(i);
                ordersByCustomer.computeIfAbsent(customerId, k -> new ArrayList<>())
                        .add(new Order(orderId, customerId, totals.get(i), itemsByOrder.getOrDefault(orderId, List.of())));
            }
            List<Customer> customers = new ArrayList<>(customerIds.size());
            for (int i = 0; i < customerIds.size(); i++) {
                long id = customerIds.get(i);
                customers.add(new Customer(id, names.get(i), ordersByCustomer.getOrDefault(id, List.of())));
            }
            return customers;
        }
    }

    /** One statement: parents LEFT JOINed to both tiers, sorted so each parent's rows are adjacent. */
    public List<Customer> customersJoined() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stmt = connection.prepareStatement(CUSTOMERS_JOINED);
             ResultSet rs = stmt.executeQuery()) {
            List<Customer> customers = new ArrayList<>();
            Customer customer = null;
            Order order = null;
            while (rs.next()) {
                long customerId = rs.getLong(1);
                if (customer == null || customer.id() != customerId) {
                    customer = new Customer(customerId, rs.getString(2), new ArrayList<>());
                    customers.add(customer);
                    order = null;
                }
                long orderId = rs.getLong(3);
                if (rs.wasNull()) {
                    continue;
                }
                if (order == null || order.id() != orderId) {
                    order = new Order(orderId, rs.getLong(4), rs.getBigDecimal(5), new ArrayList<>());
                    customer.orders().add(order);
                }
                long itemId = rs.getLong(6);
                if (!rs.wasNull()) {
                    order.items().add(new Item(itemId, rs.getLong(7), rs.getString(8), rs.getInt(9)));
                }
            }
            return customers;
        }
    }

    /**
     * pgjdbc streams through a server-side cursor only with autocommit off and a positive fetch
     * size; otherwise it reads the whole result into memory first.
     */
    public void stream(int fetchSize, Consumer<Reading> sink) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement stmt = connection.prepareStatement(READINGS)) {
                stmt.setFetchSize(fetchSize);
                try (ResultSet rs = stmt.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Reading(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getString(4)));
                    }
                }
            }
            connection.commit();
        }
    }
}
