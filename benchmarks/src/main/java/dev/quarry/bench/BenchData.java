package dev.quarry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the benchmark tables and fills them on the server with {@code generate_series}, so
 * loading a million rows takes seconds. Only {@code bench_*} tables are dropped and created.
 */
final class BenchData {
    private BenchData() {}

    static void load() throws SQLException {
        int users = BenchSettings.users();
        int customers = BenchSettings.customers();
        int orders = customers * BenchSettings.ORDERS_PER_CUSTOMER;
        int items = orders * BenchSettings.ITEMS_PER_ORDER;
        int readings = BenchSettings.readings();
        int posts = BenchSettings.posts();
        try (Connection connection = DriverManager.getConnection(
                BenchSettings.url(), BenchSettings.user(), BenchSettings.password());
             Statement stmt = connection.createStatement()) {
            stmt.execute("DROP TABLE IF EXISTS bench_order_items, bench_orders, bench_customers, bench_users, bench_readings,"
                    + " bench_events, bench_accounts, bench_posts, bench_invoices");

            stmt.execute("CREATE TABLE bench_users (id bigint PRIMARY KEY, email text NOT NULL, name text NOT NULL,"
                    + " score int NOT NULL, created_at timestamptz NOT NULL)");
            stmt.execute("INSERT INTO bench_users SELECT g, 'user' || g || '@example.com', 'User number ' || g,"
                    + " (g * 7919) % 1000, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'"
                    + " FROM generate_series(1, " + users + ") g");

            // Children are interleaved across parents (child g belongs to parent g mod n), so no
            // contender gets its grouping for free from the physical order.
            stmt.execute("CREATE TABLE bench_customers (id bigint PRIMARY KEY, name text NOT NULL)");
            stmt.execute("CREATE TABLE bench_orders (id bigint PRIMARY KEY,"
                    + " customer_id bigint NOT NULL REFERENCES bench_customers, total numeric(12,2) NOT NULL)");
            stmt.execute("CREATE TABLE bench_order_items (id bigint PRIMARY KEY,"
                    + " order_id bigint NOT NULL REFERENCES bench_orders, sku text NOT NULL, quantity int NOT NULL)");
            stmt.execute("INSERT INTO bench_customers SELECT g, 'Customer ' || g FROM generate_series(1, " + customers + ") g");
            stmt.execute("INSERT INTO bench_orders SELECT g, 1 + (g - 1) % " + customers + ","
                    + " ((g * 37) % 100000) / 100.0 FROM generate_series(1, " + orders + ") g");
            stmt.execute("INSERT INTO bench_order_items SELECT g, 1 + (g - 1) % " + orders + ","
                    + " 'SKU-' || lpad((g % 997)::text, 5, '0'), 1 + g % 9 FROM generate_series(1, " + items + ") g");
            stmt.execute("CREATE INDEX bench_orders_customer ON bench_orders (customer_id)");
            stmt.execute("CREATE INDEX bench_order_items_order ON bench_order_items (order_id)");

            stmt.execute("CREATE TABLE bench_readings (id bigint PRIMARY KEY, sensor int NOT NULL,"
                    + " value double precision NOT NULL, label text NOT NULL)");
            stmt.execute("INSERT INTO bench_readings SELECT g, g % 512, g * 0.25, 'sensor-' || (g % 512) || '/reading'"
                    + " FROM generate_series(1, " + readings + ") g");

            // A feed in roughly insertion order, as feeds are: a post's time follows its id, jittered by up
            // to 9 places and cut to 15 s steps, so within a stretch the rows are out of id order and about
            // 4 share each created_at (id breaks the tie). One index serves the ORDER BY.
            stmt.execute("CREATE TABLE bench_posts (id bigint PRIMARY KEY, author_id bigint NOT NULL,"
                    + " title text NOT NULL, likes int NOT NULL, created_at timestamptz NOT NULL)");
            stmt.execute("INSERT INTO bench_posts SELECT g, 1 + g * 31 % 5000, 'Post number ' || g, (g * 7919) % 1000,"
                    + " timestamptz '2024-01-01 00:00:00+00' + ((g + (g * 7919) % 10) / 4) * interval '15 seconds'"
                    + " FROM generate_series(1::bigint, " + posts + ") g");
            stmt.execute("CREATE INDEX bench_posts_feed ON bench_posts (created_at, id)");

            // W4 and W5 fill these before each operation
            stmt.execute("CREATE TABLE bench_events (id bigint PRIMARY KEY, account int NOT NULL,"
                    + " amount double precision NOT NULL, note text NOT NULL, created_at timestamptz NOT NULL)");
            stmt.execute("CREATE TABLE bench_accounts (id bigint PRIMARY KEY, email text NOT NULL,"
                    + " balance bigint NOT NULL, status text NOT NULL, updated_at timestamptz NOT NULL)");
            // W9 updates every row of this one per operation and vacuums it in between itself, so that
            // autovacuum never starts in the middle of a measured update
            stmt.execute("CREATE TABLE bench_invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL,"
                    + " status text NOT NULL, total numeric(12,2) NOT NULL, version int NOT NULL)"
                    + " WITH (autovacuum_enabled = false)");

            // Sets hint bits and statistics now, so no measured read pays for them.
            for (String table : new String[] {"bench_users", "bench_customers", "bench_orders", "bench_order_items",
                    "bench_readings", "bench_posts"}) {
                stmt.execute("VACUUM (ANALYZE) " + table);
            }
        }
    }

    /** {@code SELECT version()}, for the report. */
    static String serverVersion() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                BenchSettings.url(), BenchSettings.user(), BenchSettings.password());
             Statement stmt = connection.createStatement();
             ResultSet rs = stmt.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
