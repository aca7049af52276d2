package dev.quarry.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the example once against a fresh database and checks its report. The expected numbers follow from
 * the seed data, which is the same on every run; where a number is easy to get with plain SQL the test
 * also asks PostgreSQL directly, so a mistake in generated code cannot hide behind a wrong expectation.
 * The bulk and streaming sections run at a small scale here, so that the test takes seconds.
 */
@PostgresTest
class ExampleAppTest {
    static final int BULK_ORDERS = 20_000;
    /** SQL condition for the seed's orders, all placed before the imported ones. */
    static final String SEED_ORDER = "created_at < '" + ExampleApp.IMPORT_START + "'";
    static final String IMPORTED_ORDER = "created_at >= '" + ExampleApp.IMPORT_START + "'";

    private static Database db;
    private static List<String> lines;
    private static String output;

    @BeforeAll
    static void runExample(TestDatabase database) {
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            ExampleApp.run(db, out, BULK_ORDERS);
        }
        output = buffer.toString(StandardCharsets.UTF_8);
        lines = output.lines().toList();
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void loadsTheWholeDataSetInOneTransaction(TestDatabase database) {
        assertLine("loaded in one transaction: 5 tenants, 2000 users, 6000 orders, 15000 order items, 330 categories");
        // the rolled-back and rejected inserts leave only newcomer@example.com behind
        assertEquals(2001, database.queryLong("SELECT count(*) FROM users"));
        assertEquals(0, database.queryLong("SELECT count(*) FROM orders WHERE total = 0"));
    }

    @Test
    void findsUsersByIdEmailAndStatus(TestDatabase database) {
        assertLine("user 42: user42@example.com, tenant 5, active");
        assertLine("user 999999: not found");
        assertLine("user with email user7@example.com: id 7, tenant 3, active");
        assertLine("users of tenant 1 with status active/pending: "
                + database.queryLong("SELECT count(*) FROM users WHERE tenant_id = 1"
                + " AND status IN ('active', 'pending') AND email <> 'newcomer@example.com'"));
        assertLine("users of tenant 1 with status active/pending: 360");
        assertLine("users of tenant 1 with an empty status list: 0");
        assertLine("users by status: active 1298, pending 499, blocked 203");
    }

    @Test
    void searchesWithOptionalFiltersAndTheCallersSort(TestDatabase database) throws SQLException {
        assertLine("search of tenant 1, active, e-mail like user1%, by e-mail descending: " + column(database,
                "SELECT '#' || id FROM users WHERE tenant_id = 1 AND status = 'active' AND email LIKE 'user1%'"
                        + " ORDER BY email DESC, id LIMIT 5"));
        assertLine("search of tenant 1, no filter, by e-mail: "
                + column(database, "SELECT email FROM users WHERE tenant_id = 1 ORDER BY email, id LIMIT 3"));
    }

    @Test
    void pagesByNumberAndByKeyset(TestDatabase database) throws SQLException {
        long active = database.queryLong("SELECT count(*) FROM users WHERE tenant_id = 2 AND status = 'active'");
        assertLine("active users of tenant 2, page 3 of " + (active + 4) / 5 + " (" + active + " users): " + column(
                database, "SELECT '#' || id FROM users WHERE tenant_id = 2 AND status = 'active' ORDER BY id "
                        + "LIMIT 5 OFFSET 10"));
        assertLine("newest users of tenant 3: " + column(database, "SELECT '#' || id FROM users WHERE tenant_id = 3 "
                + "ORDER BY created_at DESC, id DESC LIMIT 4") + "; after the cursor: " + column(database,
                "SELECT '#' || id FROM users WHERE tenant_id = 3 ORDER BY created_at DESC, id DESC LIMIT 4 OFFSET 4"));
    }

    @Test
    void shipsWithVersionsAndRefusesAStaleChange(TestDatabase database) {
        long shipped = database.queryLong("SELECT count(*) FROM orders WHERE user_id <= 3 AND status = 'shipped' "
                + "AND version = 1");
        assertTrue(shipped > 0, "the seed has paid orders of users 1, 2, 3");
        assertLine("ship the paid orders of users 1, 2, 3 (@Update, @Version): " + shipped + " updated, versions now [1]");
        long first = database.queryLong("SELECT min(id) FROM orders WHERE user_id <= 3 AND version = 1");
        assertLine("cancel order " + first + " from its old read: OptimisticLockException, stale ids [" + first + "]");
        assertEquals(0, database.queryLong("SELECT count(*) FROM orders WHERE status = 'cancelled' AND version > 0"));
    }

    /** The first column of every row, joined as the example joins them. */
    private static String column(TestDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        assertTrue(values.size() > 1, () -> "the search must find several rows: " + sql);
        return String.join(", ", values);
    }

    @Test
    void updatesAndInserts(TestDatabase database) {
        assertLine("block user 42: 1 row updated, status now blocked");
        assertLine("block user 999999: 0 rows updated");
        assertLine("new user newcomer@example.com: id 2001");
        assertEquals(1, database.queryLong("SELECT count(*) FROM users WHERE id = 42 AND status = 'blocked'"));
    }

    @Test
    void runsSubqueriesWindowsAndAggregates(TestDatabase database) {
        long bigSpenders = database.queryLong(
                "SELECT count(DISTINCT user_id) FROM orders WHERE total > 750.00 AND " + SEED_ORDER);
        assertTrue(bigSpenders > 0, "the threshold must select someone");
        assertTrue(output.contains("users with an order above 750.00: " + bigSpenders + ", first "), output);
        assertLine("orders of users 1, 2, 3: " + database.queryLong("SELECT count(*) FROM orders WHERE user_id <= 3 AND " + SEED_ORDER)
                + " (ids 1207, 3430, 5653, 2124, 4347, 818, 1735, 3041, 3958, 5264)");
        assertLine("latest 2 orders of each tenant:");
        List<String> latest = section("latest 2 orders of each tenant:");
        assertEquals(10, latest.size(), output);
        assertTrue(latest.stream().allMatch(l -> l.matches("  tenant \\d #[12]: order \\d+ of .*")), output);
        assertLine("  tenant 5 #1: order 6000 of user1055@example.com, 151.40 at 2024-12-11T20:00:00Z");
        assertLine("revenue per tenant, cancelled orders left out:");
        assertTrue(output.contains("  Umbrella   1047 orders    326153.64"), output);
        assertLine("root categories: Books, Electronics, Garden, Home, Sports, Toys");
        assertLine("children of Electronics: Electronics/1, Electronics/2, Electronics/3, Electronics/4,"
                + " Electronics/5, Electronics/6");
        assertLine("children of Electronics/3/1: 0");
    }

    @Test
    void rollsBackAndMapsUniqueViolations(TestDatabase database) {
        assertLine("transaction rolled back after \"simulated failure\"; rollback@example.com exists: false");
        assertEquals(0, database.queryLong("SELECT count(*) FROM users WHERE email = 'rollback@example.com'"));
        assertLine("duplicate email user1@example.com: UniqueViolationException (SQLSTATE 23505)");
    }

    @Test
    void refusesADatabaseThatAlreadyHasTheTables() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExampleApp.run(db, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), BULK_ORDERS));
        assertTrue(e.getMessage().contains("already has a table named tenants"), e.getMessage());
    }

    @Test
    void loadsThePageWithThreeStatementsOrOneAndTheSameGraph(TestDatabase database) {
        String page = "SELECT id FROM users WHERE tenant_id = 3 ORDER BY id LIMIT 20 OFFSET 20";
        // the page was printed before the import gave its users more orders
        long orders = database.queryLong("SELECT count(*) FROM orders WHERE user_id IN (" + page + ") AND " + SEED_ORDER);
        long items = database.queryLong("SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id"
                + " WHERE o.user_id IN (" + page + ") AND o." + SEED_ORDER);
        assertTrue(orders > 20 && items > orders, orders + " orders, " + items + " items");
        String graph = "20 users, " + orders + " orders, " + items + " items";
        assertLine("relation loading, users 21-40 of tenant 3 with their orders and each order's items:");
        assertMatches("  SELECT_IN: " + graph + " in 3 statements \\([0-9.]+ ms\\)");
        assertMatches("  JOINED:    " + graph + " in 1 statement \\([0-9.]+ ms\\)");
        assertLine("  same users, orders and items both ways: true");
        long firstUser = database.queryLong("SELECT min(id) FROM (" + page + ") p");
        assertTrue(output.contains("  user" + firstUser + "@example.com, newest order first: order "), output);
    }

    /** The same calls again, now that the import gave every user more orders, counted and compared here. */
    @Test
    void bothStrategiesGiveTheGraphPostgresHolds(TestDatabase database) {
        StatementCounter counter = new StatementCounter(db.dataSource());
        try (Database counted = Database.of(counter.dataSource())) {
            OrderHistoryRepository history = counted.repository(OrderHistoryRepository.class);
            counter.takeCount();
            List<UserWithOrders> selectIn = history.pageSelectIn(2, 15, 30);
            assertEquals(3, counter.takeCount());
            List<UserWithOrders> joined = history.pageJoined(2, 15, 30);
            assertEquals(1, counter.takeCount());
            assertEquals(selectIn, joined);

            String page = "SELECT id FROM users WHERE tenant_id = 2 ORDER BY id LIMIT 15 OFFSET 30";
            assertEquals(15, selectIn.size());
            assertEquals(database.queryLong("SELECT min(id) FROM (" + page + ") p"), selectIn.get(0).id());
            assertEquals(database.queryLong("SELECT count(*) FROM orders WHERE user_id IN (" + page + ")"),
                    selectIn.stream().mapToLong(u -> u.orders().size()).sum());
            assertEquals(database.queryLong("SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id"
                            + " WHERE o.user_id IN (" + page + ")"),
                    selectIn.stream().flatMap(u -> u.orders().stream()).mapToLong(o -> o.items().size()).sum());
            for (UserWithOrders user : selectIn) {
                assertEquals(2, user.tenantId());
                assertTrue(user.orders().stream().allMatch(o -> o.userId() == user.id()));
                assertEquals(user.orders().stream().sorted(Comparator.comparing(OrderWithItems::createdAt).reversed())
                        .toList(), user.orders(), "newest order first");
                for (OrderWithItems order : user.orders()) {
                    assertTrue(order.items().stream().allMatch(i -> i.orderId() == order.id()));
                    assertEquals(order.items().stream().sorted(Comparator.comparingLong(OrderItem::id)).toList(),
                            order.items(), "items in id order");
                }
            }
        }
    }

    @Test
    void walksTheCategoryTreeDownTwoLevels(TestDatabase database) {
        long garden = database.queryLong("SELECT id FROM categories WHERE name = 'Garden'");
        long nodes = database.queryLong("SELECT count(*) FROM categories WHERE id = " + garden + " OR parent_id = "
                + garden + " OR parent_id IN (SELECT id FROM categories WHERE parent_id = " + garden + ")");
        assertEquals(55, nodes);
        assertLine("category tree under Garden, maxDepth 2 (@Tree): " + nodes + " nodes, at most 3 children shown per node:");

        List<String> expected = new ArrayList<>(List.of("Garden"));
        for (int child = 1; child <= 3; child++) {
            expected.add("  Garden/" + child);
            for (int grandchild = 1; grandchild <= 3; grandchild++) {
                expected.add("    Garden/" + child + "/" + grandchild);
            }
            expected.add("    ... 5 more");
        }
        expected.add("  ... 3 more");
        List<String> tree = section("category tree under Garden");
        assertEquals(expected, tree.stream().map(l -> l.substring(2).replaceAll(" \\(path .*", "")).toList(), output);

        Pattern node = Pattern.compile("( +)(\\S+) \\(path \\[([0-9, ]+)\\]\\)");
        int checked = 0;
        for (String line : tree) {
            Matcher m = node.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int depth = m.group(1).length() / 2 - 1;
            String name = m.group(2);
            List<Long> path = Arrays.stream(m.group(3).split(", ")).map(Long::valueOf).toList();
            assertEquals(depth, name.split("/").length - 1, line);
            assertEquals(depth + 1, path.size(), line);
            assertEquals(garden, path.get(0), line);
            assertEquals(database.queryLong("SELECT id FROM categories WHERE name = '" + name + "'"),
                    path.get(depth), line);
            if (depth > 0) {
                assertEquals(path.get(depth - 1), database.queryLong(
                        "SELECT parent_id FROM categories WHERE id = " + path.get(depth)), line);
            }
            checked++;
        }
        assertEquals(13, checked);
    }

    @Test
    void keepsTheThreeBiggestOrdersOfEachTenantInRankOrder(TestDatabase database) {
        Pattern ranked = Pattern.compile("  tenant (\\d+) #(\\d+): order (\\d+) of (\\S+), ([0-9.]+)");
        Map<Long, List<Long>> ordersByTenant = new LinkedHashMap<>();
        Map<Long, BigDecimal> lastTotal = new LinkedHashMap<>();
        for (String line : section("biggest 3 orders of each tenant (@TopPerGroup):")) {
            Matcher m = ranked.matcher(line);
            assertTrue(m.matches(), line);
            long tenant = Long.parseLong(m.group(1));
            List<Long> orders = ordersByTenant.computeIfAbsent(tenant, t -> new ArrayList<>());
            orders.add(Long.parseLong(m.group(3)));
            assertEquals(orders.size(), Integer.parseInt(m.group(2)), "ranks count up from 1: " + line);
            BigDecimal total = new BigDecimal(m.group(5));
            BigDecimal previous = lastTotal.put(tenant, total);
            assertTrue(previous == null || previous.compareTo(total) >= 0, "biggest first: " + line);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), List.copyOf(ordersByTenant.keySet()), "tenants in order");
        for (Map.Entry<Long, List<Long>> tenant : ordersByTenant.entrySet()) {
            assertEquals(3, tenant.getValue().size(), "at most and here exactly 3 per tenant");
            for (int rank = 1; rank <= 3; rank++) {
                assertEquals(database.queryLong("SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id"
                                + " WHERE u.tenant_id = " + tenant.getKey() + " AND o." + SEED_ORDER
                                + " ORDER BY o.total DESC, o.id LIMIT 1 OFFSET " + (rank - 1)),
                        tenant.getValue().get(rank - 1), "tenant " + tenant.getKey() + " #" + rank);
            }
        }
    }

    @Test
    void bulkWritesStoreEveryGeneratedRowAndTheUpsertUpdatesInPlace(TestDatabase database) {
        int sample = BULK_ORDERS / 20;
        assertLine("bulk writes into orders, each call one transaction:");
        String rate = " rows in +[0-9.]+ s: +[0-9]+ rows/s";
        assertMatches("  COPY +" + BULK_ORDERS + rate);
        assertMatches("  UNNEST +" + sample + rate);
        assertMatches("  BATCH +" + sample + rate);
        assertMatches("  upsert +" + BULK_ORDERS / 10 + rate + ", ON CONFLICT \\(id\\) DO UPDATE SET status: new -> paid");

        long imported = BULK_ORDERS + 2L * sample;
        String copied = IMPORTED_ORDER + " AND created_at < '"
                + ExampleApp.IMPORT_START.plus(ExampleApp.IMPORT_INTERVAL.multipliedBy(BULK_ORDERS)) + "'";
        assertEquals(BULK_ORDERS, database.queryLong("SELECT count(*) FROM orders WHERE " + copied));
        assertEquals(imported, database.queryLong("SELECT count(*) FROM orders WHERE " + IMPORTED_ORDER));
        assertEquals(ExampleApp.ORDERS + imported, database.queryLong("SELECT count(*) FROM orders"));

        // the values written are the generated ones: same totals, users and times
        List<Long> userIds = db.repository(OrderImportRepository.class).userIds();
        List<NewOrder> generated = ExampleApp.importedOrders(userIds, 0, imported).toList();
        assertEquals(generated.stream().map(NewOrder::total).reduce(BigDecimal.ZERO, BigDecimal::add).movePointRight(2)
                .longValueExact(), database.queryLong("SELECT (sum(total) * 100)::bigint FROM orders WHERE " + IMPORTED_ORDER));
        assertEquals(generated.stream().mapToLong(NewOrder::userId).sum(),
                database.queryLong("SELECT sum(user_id) FROM orders WHERE " + IMPORTED_ORDER));
        assertEquals(imported * (imported - 1) / 2, database.queryLong("SELECT sum(extract(epoch FROM created_at - '"
                + ExampleApp.IMPORT_START + "') / 20)::bigint FROM orders WHERE " + IMPORTED_ORDER));

        // the upsert changed the status of the first tenth of the import, by id, and added no row
        assertEquals(BULK_ORDERS / 10, database.queryLong(
                "SELECT count(*) FROM orders WHERE status = 'paid' AND " + IMPORTED_ORDER));
        assertEquals(imported - BULK_ORDERS / 10, database.queryLong(
                "SELECT count(*) FROM orders WHERE status = 'new' AND " + IMPORTED_ORDER));
        assertTrue(database.queryLong("SELECT max(id) FROM orders WHERE status = 'paid' AND " + IMPORTED_ORDER)
                < database.queryLong("SELECT min(id) FROM orders WHERE status = 'new' AND " + IMPORTED_ORDER));
    }

    @Test
    void streamsEveryOrderInPartitionsAndAgreesWithSql(TestDatabase database) {
        long count = database.queryLong("SELECT count(*) FROM orders");
        BigDecimal sum = BigDecimal.valueOf(database.queryLong("SELECT (sum(total) * 100)::bigint FROM orders"), 2);
        assertTrue(count > BULK_ORDERS, count + " orders");
        List<String> stream = section("streaming every order through a server-side cursor");
        assertEquals(4, stream.size(), output);
        Matcher read = Pattern.compile("  (\\d+) rows in (\\d+) partitions, [0-9.]+ s: [0-9]+ rows/s; sum of totals ([0-9.]+)")
                .matcher(stream.get(0));
        assertTrue(read.matches(), stream.get(0));
        assertEquals(count, Long.parseLong(read.group(1)));
        assertEquals((count + 9_999) / 10_000, Long.parseLong(read.group(2)));
        assertEquals(sum, new BigDecimal(read.group(3)));
        assertEquals("  SELECT count(*), sum(total): " + count + ", " + sum.toPlainString() + " (the same)", stream.get(1));
        assertTrue(stream.get(2).matches("  heap used, sampled after each partition, garbage included: at most \\d+ MB"
                + " \\(max heap \\d+ MB\\)"), stream.get(2));
        assertTrue(stream.get(3).matches("  heap live, after System.gc\\(\\) every 25 partitions: at most \\d+ MB"
                + " \\(\\d+ MB before the stream\\)"), stream.get(3));

        List<Integer> sizes;
        try (Stream<List<Order>> partitions = db.repository(OrderRepository.class).allInPartitions()) {
            sizes = partitions.map(List::size).toList();
        }
        assertEquals(count, sizes.stream().mapToLong(Integer::longValue).sum());
        assertTrue(sizes.subList(0, sizes.size() - 1).stream().allMatch(size -> size == 10_000), sizes::toString);
    }

    private static void assertLine(String expected) {
        assertTrue(lines.contains(expected), () -> "no line \"" + expected + "\" in:\n" + output);
    }

    private static void assertMatches(String regex) {
        assertTrue(lines.stream().anyMatch(l -> l.matches(regex)), () -> "no line matching " + regex + " in:\n" + output);
    }

    /** The indented lines under the header line that starts with {@code header}. */
    private static List<String> section(String header) {
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (lines.get(i).startsWith(header)) {
                start = i + 1;
            }
        }
        assertTrue(start > 0, () -> "no section " + header + " in:\n" + output);
        int end = start;
        while (end < lines.size() && lines.get(end).startsWith("  ")) {
            end++;
        }
        return lines.subList(start, end);
    }
}
