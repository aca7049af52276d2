package dev.quarry.example;

import dev.quarry.runtime.Database;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresServer;
import dev.quarry.testing.TestDatabase;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The example end to end: creates the schema, loads a deterministic data set in one transaction, then
 * runs every repository method and prints one line per result.
 *
 * <p>Uses the database named by {@code QUARRY_EXAMPLE_URL} (with {@code QUARRY_EXAMPLE_USER}, default
 * {@code postgres}, and {@code QUARRY_EXAMPLE_PASSWORD}), which must not have the example's tables yet;
 * without it, a fresh database on an embedded PostgreSQL that lives as long as the JVM.
 *
 * <pre>
 * mvn -q -DskipTests -pl example-app -am package exec:java
 * </pre>
 */
public final class ExampleApp {
    static final List<String> TENANTS = List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli");
    static final List<String> ROOT_CATEGORIES = List.of("Books", "Electronics", "Garden", "Home", "Sports", "Toys");
    static final int USERS = 2_000;
    static final int ORDERS = 6_000;
    static final int ORDER_ITEMS = 15_000;

    private ExampleApp() {}

    public static void main(String[] args) {
        String url = System.getenv("QUARRY_EXAMPLE_URL");
        if (url != null && !url.isBlank()) {
            try (Database db = connect(url.trim(), env("QUARRY_EXAMPLE_USER", "postgres"),
                    env("QUARRY_EXAMPLE_PASSWORD", ""))) {
                run(db, System.out);
            }
            return;
        }
        PostgresServer server = PostgresServer.shared();
        TestDatabase database = server.createDatabase("example");
        try (Database db = connect(database.url(), database.user(), database.password())) {
            run(db, System.out);
        } finally {
            server.dropDatabase(database);
            server.stop();
        }
    }

    private static Database connect(String url, String user, String password) {
        // The example runs one statement at a time; a small pool starts faster than the default ten.
        return Database.builder().url(url).user(user).password(password).maximumPoolSize(2).build();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Everything {@link #main} does once it has a database; the database must not have the example's tables. */
    static void run(Database db, PrintStream out) {
        Schema.apply(db.dataSource());
        load(db, out);
        users(db.repository(UserRepository.class), out);
        orders(db.repository(OrderRepository.class), out);
        reports(db.repository(ReportRepository.class), out);
        categories(db.repository(CategoryRepository.class), out);
        transactions(db, db.repository(UserRepository.class), out);
    }

    private static void load(Database db, PrintStream out) {
        SeedRepository seed = db.repository(SeedRepository.class);
        String counts = db.transaction(() -> {
            int tenants = seed.insertTenants(TENANTS);
            int users = seed.insertUsers(USERS);
            int orders = seed.insertOrders(ORDERS);
            int items = seed.insertOrderItems(ORDER_ITEMS);
            seed.computeOrderTotals();
            int categories = seed.insertRootCategories(ROOT_CATEGORIES);
            categories += seed.addChildrenToLeaves(6);
            categories += seed.addChildrenToLeaves(8);
            return tenants + " tenants, " + users + " users, " + orders + " orders, " + items + " order items, "
                    + categories + " categories";
        });
        out.println("loaded in one transaction: " + counts);
    }

    private static void users(UserRepository users, PrintStream out) {
        out.println("user 42: " + users.findById(42).map(ExampleApp::describe).orElse("not found"));
        out.println("user 999999: " + users.findById(999_999).map(ExampleApp::describe).orElse("not found"));
        out.println("user with email user7@example.com: " + users.findByEmail("user7@example.com")
                .map(u -> "id " + u.id() + ", tenant " + u.tenantId() + ", " + u.status())
                .orElse("not found"));
        out.println("users of tenant 1 with status active/pending: "
                + users.findByTenantAndStatuses(1, List.of("active", "pending")).size());
        out.println("users of tenant 1 with an empty status list: "
                + users.findByTenantAndStatuses(1, List.of()).size());
        out.println("users by status: active " + users.countByStatus("active") + ", pending "
                + users.countByStatus("pending") + ", blocked " + users.countByStatus("blocked"));

        int updated = users.updateStatus(42, "blocked");
        out.println("block user 42: " + rows(updated) + " updated, status now "
                + users.findById(42).map(User::status).orElse("?"));
        out.println("block user 999999: " + rows(users.updateStatus(999_999, "blocked")) + " updated");
        long newcomer = users.insert(new NewUser(1, "newcomer@example.com", "pending"));
        out.println("new user newcomer@example.com: id " + newcomer);

        List<String> bigSpenders = users.emailsWithOrderAbove(new BigDecimal("750.00"));
        out.println("users with an order above 750.00: " + bigSpenders.size()
                + (bigSpenders.isEmpty() ? "" : ", first " + bigSpenders.get(0)));
        out.println("busiest users of tenant 2: " + join(users.busiestUsers(2, 3),
                u -> u.email() + " (" + u.orderCount() + " orders)"));
    }

    private static void orders(OrderRepository orders, PrintStream out) {
        List<Order> ofUsers = orders.findByUserIds(List.of(1L, 2L, 3L));
        out.println("orders of users 1, 2, 3: " + ofUsers.size()
                + " (ids " + join(ofUsers, o -> String.valueOf(o.id())) + ")");
        out.println("SKUs bought by user 7: " + String.join(", ", orders.skusBoughtBy(7)));
        out.println("latest 2 orders of each tenant:");
        for (RankedOrder order : orders.latestPerTenant(2)) {
            out.printf("  tenant %d #%d: order %d of %s, %s at %s%n", order.tenantId(), order.tenantRank(),
                    order.orderId(), order.email(), order.total().toPlainString(), order.createdAt());
        }
    }

    private static void reports(ReportRepository reports, PrintStream out) {
        out.println("revenue per tenant, cancelled orders left out:");
        for (TenantRevenue line : reports.revenuePerTenant()) {
            out.printf("  %-9s %5d orders %12s%n", line.tenant(), line.orders(), line.revenue().toPlainString());
        }
        out.println("top 3 SKUs by revenue: " + join(reports.topSkus(3),
                s -> s.sku() + " (" + s.units() + " units, " + s.revenue().toPlainString() + ")"));
    }

    private static void categories(CategoryRepository categories, PrintStream out) {
        List<Category> roots = categories.roots();
        out.println("root categories: " + join(roots, Category::name));
        Category electronics = roots.stream().filter(c -> c.name().equals("Electronics")).findFirst().orElseThrow();
        List<Category> children = categories.childrenOf(electronics.id());
        out.println("children of Electronics: " + join(children, Category::name));
        Category third = children.get(2);
        List<Category> grandchildren = categories.childrenOf(third.id());
        out.println("children of " + third.name() + ": " + join(grandchildren, Category::name));
        Category leaf = grandchildren.get(0);
        out.println("children of " + leaf.name() + ": " + categories.childrenOf(leaf.id()).size());
    }

    private static void transactions(Database db, UserRepository users, PrintStream out) {
        String email = "rollback@example.com";
        try {
            db.transaction(() -> {
                long id = users.insert(new NewUser(1, email, "pending"));
                out.println("in a transaction: inserted user " + id + " (" + email + "), visible inside: "
                        + users.findById(id).isPresent());
                throw new IllegalStateException("simulated failure");
            });
        } catch (IllegalStateException e) {
            out.println("transaction rolled back after \"" + e.getMessage() + "\"; " + email + " exists: "
                    + users.findByEmail(email).isPresent());
        }
        try {
            users.insert(new NewUser(2, "user1@example.com", "active"));
            out.println("duplicate email user1@example.com: accepted?!");
        } catch (UniqueViolationException e) {
            out.println("duplicate email user1@example.com: " + e.getClass().getSimpleName()
                    + " (SQLSTATE " + e.sqlState() + ")");
        }
    }

    private static String describe(User user) {
        return user.email() + ", tenant " + user.tenantId() + ", " + user.status();
    }

    private static String rows(int count) {
        return count == 1 ? "1 row" : count + " rows";
    }

    private static <T> String join(List<T> items, Function<T, String> text) {
        return items.stream().map(text).collect(Collectors.joining(", "));
    }
}
