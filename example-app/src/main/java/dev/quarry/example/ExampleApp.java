package dev.quarry.example;

import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.OptimisticLockException;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.runtime.Sort;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresServer;
import dev.quarry.testing.TestDatabase;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The example end to end: creates the schema, loads a deterministic data set in one transaction, then
 * runs every repository method and prints one line per result. It ends with the features that matter at
 * scale, each with what it measured: relation loading with both fetch strategies, a recursive tree and a
 * top-N per group, bulk writes of a million orders and streaming all of them back.
 *
 * <p>Uses the database named by {@code QUARRY_EXAMPLE_URL} (with {@code QUARRY_EXAMPLE_USER}, default
 * {@code postgres}, and {@code QUARRY_EXAMPLE_PASSWORD}), which must not have the example's tables yet;
 * without it, a fresh database on an embedded PostgreSQL that lives as long as the JVM.
 *
 * <pre>
 * mvn -q -DskipTests -pl example-app -am package exec:java
 * mvn -q -DskipTests -pl example-app -am package exec:java -Dexec.args=100000    # bulk-load 100 000 orders
 * </pre>
 */
public final class ExampleApp {
    static final List<String> TENANTS = List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli");
    static final List<String> ROOT_CATEGORIES = List.of("Books", "Electronics", "Garden", "Home", "Sports", "Toys");
    static final int USERS = 2_000;
    static final int ORDERS = 6_000;
    static final int ORDER_ITEMS = 15_000;
    /** Orders the bulk section imports with COPY unless the first argument says otherwise. */
    static final int BULK_ORDERS = 1_000_000;
    /** Imported orders are placed from here on, one every 20 seconds; the seed's orders are all older. */
    static final Instant IMPORT_START = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration IMPORT_INTERVAL = Duration.ofSeconds(20);
    /** The tree section lists this many children of a node and counts the rest. */
    static final int CHILDREN_SHOWN = 3;
    /** The stream section collects garbage after the first partition and then every this many, to see what stays live. */
    static final int LIVE_HEAP_EVERY = 25;

    private ExampleApp() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        int bulkOrders = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : BULK_ORDERS;
        if (bulkOrders < 1) {
            throw new IllegalArgumentException("the number of orders to import must be positive, not " + args[0]);
        }
        String url = System.getenv("QUARRY_EXAMPLE_URL");
        if (url != null && !url.isBlank()) {
            try (Database db = connect(url.trim(), env("QUARRY_EXAMPLE_USER", "postgres"),
                    env("QUARRY_EXAMPLE_PASSWORD", ""))) {
                run(db, System.out, bulkOrders);
            }
        } else {
            PostgresServer server = PostgresServer.shared();
            TestDatabase database = server.createDatabase("example");
            try (Database db = connect(database.url(), database.user(), database.password())) {
                run(db, System.out, bulkOrders);
            } finally {
                server.dropDatabase(database);
                server.stop();
            }
        }
        System.out.printf(Locale.ROOT, "finished in %.1f s%n", secondsSince(started));
    }

    private static Database connect(String url, String user, String password) {
        // The example runs one statement at a time; a small pool starts faster than the default ten.
        return Database.builder().url(url).user(user).password(password).maximumPoolSize(2).build();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /**
     * Everything {@link #main} does once it has a database, which must not have the example's tables;
     * {@code bulkOrders} is how many orders the bulk section imports (and the stream reads back, with the rest).
     */
    static void run(Database db, PrintStream out, int bulkOrders) {
        Schema.apply(db.dataSource());
        load(db, out);
        users(db.repository(UserRepository.class), out);
        orders(db.repository(OrderRepository.class), out);
        reports(db.repository(ReportRepository.class), out);
        categories(db.repository(CategoryRepository.class), out);
        transactions(db, db.repository(UserRepository.class), out);
        relations(db, out);
        tree(db.repository(CategoryRepository.class), out);
        topPerGroup(db.repository(ReportRepository.class), out);
        bulkWrites(db.repository(OrderImportRepository.class), bulkOrders, out);
        streaming(db.repository(OrderRepository.class), out);
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

        List<User> found = users.search(1, List.of("active"), Optional.of("user1%"),
                Sort.desc(UserRepository.UserSort.EMAIL), 5);
        out.println("search of tenant 1, active, e-mail like user1%, by e-mail descending: "
                + join(found, u -> "#" + u.id()));
        List<User> unfiltered = users.search(1, null, Optional.empty(),
                Sort.parse(UserRepository.UserSort.class, "email"), 3);
        out.println("search of tenant 1, no filter, by e-mail: " + join(unfiltered, User::email));

        Page<User> third = users.page(2, "active", PageRequest.ofPage(3, 5));
        out.println("active users of tenant 2, page " + third.number() + " of " + third.totalPages() + " ("
                + third.totalElements() + " users): " + join(third.content(), u -> "#" + u.id()));
        CursoredPage<User> newest = users.newest(3, PageRequest.ofSize(4));
        CursoredPage<User> older = users.newest(3, newest.nextPageRequest().orElseThrow());
        out.println("newest users of tenant 3: " + join(newest.content(), u -> "#" + u.id())
                + "; after the cursor: " + join(older.content(), u -> "#" + u.id()));
    }

    private static void orders(OrderRepository orders, PrintStream out) {
        List<Order> ofUsers = orders.findByUserIds(List.of(1L, 2L, 3L));
        out.println("orders of users 1, 2, 3: " + ofUsers.size()
                + " (ids " + join(ofUsers, o -> String.valueOf(o.id())) + ")");
        out.println("SKUs bought by user 7: " + String.join(", ", orders.skusBoughtBy(7)));

        List<OrderStatus> paid = orders.statusesOf(ofUsers.stream().map(Order::id).toList()).stream()
                .filter(o -> o.status().equals("paid")).toList();
        if (!paid.isEmpty()) {
            long shipped = orders.setStatuses(paid.stream().map(o -> new OrderStatus(o.id(), "shipped", o.version())).toList());
            List<Integer> versions = orders.statusesOf(paid.stream().map(OrderStatus::id).toList()).stream()
                    .map(OrderStatus::version).distinct().toList();
            out.println("ship the paid orders of users 1, 2, 3 (@Update, @Version): " + shipped + " updated, versions now "
                    + versions);
            OrderStatus stale = paid.get(0);
            try {
                orders.setStatuses(List.of(new OrderStatus(stale.id(), "cancelled", stale.version())));
                out.println("cancel order " + stale.id() + " from its old read: accepted?!");
            } catch (OptimisticLockException e) {
                out.println("cancel order " + stale.id() + " from its old read: " + e.getClass().getSimpleName()
                        + ", stale ids " + e.staleIds());
            }
        }
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

    /**
     * One page of users with orders and items, loaded with each fetch strategy through a data source that
     * counts the statements reaching the driver.
     */
    private static void relations(Database db, PrintStream out) {
        long tenant = 3;
        int pageSize = 20;
        int offset = 20;
        out.printf("relation loading, users %d-%d of tenant %d with their orders and each order's items:%n",
                offset + 1, offset + pageSize, tenant);
        StatementCounter counter = new StatementCounter(db.dataSource());
        try (Database counted = Database.of(counter.dataSource())) {
            OrderHistoryRepository history = counted.repository(OrderHistoryRepository.class);

            counter.takeCount();
            long started = System.nanoTime();
            List<UserWithOrders> selectIn = history.pageSelectIn(tenant, pageSize, offset);
            double selectInMillis = millisSince(started);
            int selectInStatements = counter.takeCount();

            started = System.nanoTime();
            List<UserWithOrders> joined = history.pageJoined(tenant, pageSize, offset);
            double joinedMillis = millisSince(started);
            int joinedStatements = counter.takeCount();

            out.println("  SELECT_IN: " + graphSize(selectIn) + " in " + statements(selectInStatements)
                    + String.format(Locale.ROOT, " (%.1f ms)", selectInMillis));
            out.println("  JOINED:    " + graphSize(joined) + " in " + statements(joinedStatements)
                    + String.format(Locale.ROOT, " (%.1f ms)", joinedMillis));
            out.println("  same users, orders and items both ways: " + selectIn.equals(joined));
            UserWithOrders first = selectIn.get(0);
            out.println("  " + first.email() + ", newest order first: " + join(first.orders(),
                    o -> "order " + o.id() + " (" + o.items().size() + " items, " + o.total().toPlainString() + ")"));
        }
    }

    private static String graphSize(List<UserWithOrders> users) {
        List<OrderWithItems> orders = users.stream().flatMap(u -> u.orders().stream()).toList();
        long items = orders.stream().mapToLong(o -> o.items().size()).sum();
        return users.size() + " users, " + orders.size() + " orders, " + items + " items";
    }

    private static String statements(int count) {
        return count == 1 ? "1 statement" : count + " statements";
    }

    /** The subtree under one root, indented by depth; long lists of siblings are cut after a few. */
    private static void tree(CategoryRepository categories, PrintStream out) {
        Category garden = categories.roots().stream().filter(c -> c.name().equals("Garden")).findFirst().orElseThrow();
        List<CategoryNode> tree = categories.subtree(garden.id());
        out.println("category tree under Garden, maxDepth 2 (@Tree): " + tree.size() + " nodes, at most "
                + CHILDREN_SHOWN + " children shown per node:");
        Map<Long, Long> children = tree.stream().filter(n -> n.depth() > 0)
                .collect(Collectors.groupingBy(CategoryNode::parentId, Collectors.counting()));
        Map<Long, Integer> seen = new HashMap<>();
        Set<Long> shown = new HashSet<>();
        for (CategoryNode node : tree) {
            String indent = "  ".repeat(node.depth() + 1);
            if (node.depth() > 0) {
                if (!shown.contains(node.parentId())) {
                    continue;
                }
                int index = seen.merge(node.parentId(), 1, Integer::sum) - 1;
                if (index == CHILDREN_SHOWN) {
                    out.println(indent + "... " + (children.get(node.parentId()) - CHILDREN_SHOWN) + " more");
                }
                if (index >= CHILDREN_SHOWN) {
                    continue;
                }
            }
            shown.add(node.id());
            out.println(indent + node.name() + " (path " + node.path() + ")");
        }
    }

    private static void topPerGroup(ReportRepository reports, PrintStream out) {
        out.println("biggest 3 orders of each tenant (@TopPerGroup):");
        for (RankedOrder order : reports.biggestPerTenant(3)) {
            out.printf("  tenant %d #%d: order %d of %s, %s%n", order.tenantId(), order.tenantRank(),
                    order.orderId(), order.email(), order.total().toPlainString());
        }
    }

    /**
     * Imports {@code count} generated orders with COPY, a twentieth as many with UNNEST and with BATCH each,
     * then marks a tenth of them paid with an upsert on the primary key.
     */
    private static void bulkWrites(OrderImportRepository imports, int count, PrintStream out) {
        List<Long> userIds = imports.userIds();
        int sample = Math.max(1, count / 20);
        out.println("bulk writes into orders, each call one transaction:");

        long started = System.nanoTime();
        long copied = imports.copy(importedOrders(userIds, 0, count));
        printRate(out, "COPY", copied, started, "");

        List<NewOrder> unnestRows = importedOrders(userIds, count, count + sample).toList();
        started = System.nanoTime();
        long unnested = imports.unnest(unnestRows);
        printRate(out, "UNNEST", unnested, started, "");

        List<NewOrder> batchRows = importedOrders(userIds, count + sample, count + 2L * sample).toList();
        started = System.nanoTime();
        long batched = imports.batch(batchRows);
        printRate(out, "BATCH", batched, started, "");

        List<Order> paid = imports.placedSince(IMPORT_START, Math.max(1, count / 10)).stream()
                .map(o -> new Order(o.id(), o.userId(), "paid", o.total(), o.createdAt()))
                .toList();
        started = System.nanoTime();
        long upserted = imports.upsertStatus(paid);
        printRate(out, "upsert", upserted, started, ", ON CONFLICT (id) DO UPDATE SET status: new -> paid");
    }

    /**
     * Orders number {@code from} (inclusive) to {@code to} (exclusive) of the import, generated as they are
     * read: status new, a total between 1.00 and 999.99, a user picked by the same hash the seed uses.
     */
    static Stream<NewOrder> importedOrders(List<Long> userIds, long from, long to) {
        return LongStream.range(from, to).mapToObj(g -> {
            long h = g * 2654435761L % 4294967296L;
            return new NewOrder(userIds.get((int) ((h >> 3) % userIds.size())), "new",
                    BigDecimal.valueOf(100 + (h >> 9) % 99_900, 2), IMPORT_START.plus(IMPORT_INTERVAL.multipliedBy(g)));
        });
    }

    private static void printRate(PrintStream out, String what, long rows, long startNanos, String note) {
        double seconds = secondsSince(startNanos);
        out.printf(Locale.ROOT, "  %-6s %8d rows in %6.2f s: %8.0f rows/s%s%n", what, rows, seconds, rows / seconds, note);
    }

    /**
     * Reads every order back in partitions and adds them up, then asks PostgreSQL for the same figures.
     * The heap is measured twice over: used after every partition (which counts garbage not yet collected)
     * and live after a {@code System.gc()} every {@value #LIVE_HEAP_EVERY} partitions, whose time is left
     * out of the rate. The JVM is the whole of Maven under exec:java.
     */
    private static void streaming(OrderRepository orders, PrintStream out) {
        out.println("streaming every order through a server-side cursor, Stream<List<Order>> of 10000 (@FetchSize):");
        Runtime runtime = Runtime.getRuntime();
        long liveBefore = liveHeap(runtime);
        long usedPeak = 0;
        long livePeak = 0;
        long measuring = 0;
        long rows = 0;
        int partitions = 0;
        BigDecimal sum = BigDecimal.ZERO;
        long started = System.nanoTime();
        try (Stream<List<Order>> stream = orders.allInPartitions()) {
            for (Iterator<List<Order>> it = stream.iterator(); it.hasNext(); ) {
                List<Order> partition = it.next();
                partitions++;
                rows += partition.size();
                for (Order order : partition) {
                    sum = sum.add(order.total());
                }
                usedPeak = Math.max(usedPeak, runtime.totalMemory() - runtime.freeMemory());
                if (partitions % LIVE_HEAP_EVERY == 1) {
                    long gcStarted = System.nanoTime();
                    livePeak = Math.max(livePeak, liveHeap(runtime));
                    measuring += System.nanoTime() - gcStarted;
                }
            }
        }
        double seconds = (System.nanoTime() - started - measuring) / 1e9;
        out.printf(Locale.ROOT, "  %d rows in %d partitions, %.2f s: %.0f rows/s; sum of totals %s%n",
                rows, partitions, seconds, rows / seconds, sum.toPlainString());
        OrderTotals totals = orders.totals();
        boolean same = totals.orders() == rows && totals.total().compareTo(sum) == 0;
        out.println("  SELECT count(*), sum(total): " + totals.orders() + ", " + totals.total().toPlainString()
                + (same ? " (the same)" : " (DIFFERENT)"));
        out.printf("  heap used, sampled after each partition, garbage included: at most %d MB (max heap %d MB)%n",
                megabytes(usedPeak), megabytes(runtime.maxMemory()));
        out.printf("  heap live, after System.gc() every %d partitions: at most %d MB (%d MB before the stream)%n",
                LIVE_HEAP_EVERY, megabytes(livePeak), megabytes(liveBefore));
    }

    private static long liveHeap(Runtime runtime) {
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
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
