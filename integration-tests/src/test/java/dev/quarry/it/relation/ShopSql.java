package dev.quarry.it.relation;

/**
 * The parent SQL of the shop's methods, shared so that both strategies run the very same query
 * and the reference graph reads the same parents by plain JDBC.
 */
final class ShopSql {
    private ShopSql() {}

    static final String USERS = "SELECT id, email FROM users ORDER BY id";
    /** Emails sort differently from ids ('user-10' before 'user-2'), so the order is the SQL's, not the key's. */
    static final String USERS_BY_EMAIL_DESC = "SELECT id, email FROM users ORDER BY email DESC";
    /** Each user once per order: rows the user's SQL repeats are parents of their own. */
    static final String USERS_PER_ORDER = "SELECT u.id, u.email FROM users u JOIN orders o ON o.user_id = u.id"
            + " WHERE u.id <= 12 ORDER BY u.id DESC, o.id";
    static final String RANGE = "SELECT id, email FROM users WHERE id BETWEEN :from AND :to ORDER BY id";
    static final String PAGE = "SELECT id, email FROM users ORDER BY id LIMIT 10 OFFSET 5";
    static final String USER = "SELECT id, email FROM users WHERE id = :id";
    static final String ORDERS = "SELECT id, user_id FROM orders ORDER BY id";
    static final String ORDERS_OF_FIRST_USERS = "SELECT id, user_id FROM orders WHERE user_id <= 12 ORDER BY id";
    /** Every user's orders tie on the order: several orders per user. */
    static final String ORDERS_BY_USER_DESC =
            "SELECT id, user_id, total, created_at FROM orders o WHERE o.user_id <= 20 ORDER BY o.user_id DESC";
    static final String ORDER_IDS = "SELECT id FROM orders ORDER BY id";
}
