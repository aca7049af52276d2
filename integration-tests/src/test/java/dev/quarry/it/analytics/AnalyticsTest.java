package dev.quarry.it.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.runtime.QueryTimeoutException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each query's result equals the same answer computed in Java from every row of the tables. */
@PostgresTest
class AnalyticsTest {
    record OrderRow(long id, long userId, long tenantId, BigDecimal total, String status, Instant createdAt) {}

    static Database db;
    static Analytics analytics;
    static List<OrderRow> orders;
    static List<Long> users;

    @BeforeAll
    static void setUp(TestDatabase database) throws SQLException {
        database.execute("""
                CREATE TABLE users (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
                CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users,
                                     total numeric(10,2) NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL);
                INSERT INTO users SELECT g, 1 + g % 3 FROM generate_series(1, 40) g;
                INSERT INTO orders
                SELECT g, 1 + (g * 7) % 37, ((g * 37) % 500) + 0.25, CASE WHEN g % 3 = 0 THEN 'open' ELSE 'paid' END,
                       timestamptz '2024-01-01 00:00+00' + (g * 5 % 97) * interval '1 hour'
                FROM generate_series(1, 400) g;
                """);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        analytics = db.repository(Analytics.class);
        orders = new ArrayList<>();
        users = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT o.id, o.user_id, u.tenant_id, o.total, o.status, o.created_at
                    FROM orders o JOIN users u ON u.id = o.user_id""")) {
                while (rs.next()) {
                    orders.add(new OrderRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                            rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).toInstant()));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id FROM users ORDER BY id")) {
                while (rs.next()) {
                    users.add(rs.getLong(1));
                }
            }
        }
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static final Comparator<OrderRow> NEWEST_FIRST =
            Comparator.comparing(OrderRow::createdAt).thenComparing(OrderRow::id).reversed();

    @Test
    void topThreeOrdersPerUserEqualsTheAnswerComputedInJava() {
        List<Analytics.RankedOrder> expected = new ArrayList<>();
        byUser(orders).forEach((user, rows) -> {
            List<OrderRow> sorted = rows.stream().sorted(NEWEST_FIRST).limit(3).toList();
            for (int i = 0; i < sorted.size(); i++) {
                expected.add(new Analytics.RankedOrder(user, sorted.get(i).id(), sorted.get(i).createdAt(), i + 1));
            }
        });
        assertEquals(expected, analytics.latestPerUser(3));
    }

    @Test
    void aLiteralLimitAndParametersInTheInnerQuery() {
        BigDecimal min = new BigDecimal("250");
        List<Analytics.RankedOrder> expected = new ArrayList<>();
        byUser(orders.stream().filter(o -> o.total().compareTo(min) > 0).toList()).forEach((user, rows) -> {
            OrderRow newest = rows.stream().sorted(NEWEST_FIRST).findFirst().orElseThrow();
            expected.add(new Analytics.RankedOrder(user, newest.id(), newest.createdAt(), 1));
        });
        assertEquals(expected, analytics.latestAbove(min));
    }

    @Test
    void aNamedRankLandsInTenantRankAndMatchesTheHandWrittenWindowFunction() {
        Comparator<OrderRow> biggest = Comparator.comparing(OrderRow::total).reversed().thenComparing(OrderRow::id);
        List<Analytics.TenantRankedOrder> expected = new ArrayList<>();
        Map<Long, List<OrderRow>> byTenant = orders.stream()
                .collect(Collectors.groupingBy(OrderRow::tenantId, TreeMap::new, Collectors.toList()));
        byTenant.forEach((tenant, rows) -> {
            List<OrderRow> sorted = rows.stream().sorted(biggest).toList();
            for (int i = 0; i < sorted.size(); i++) {
                expected.add(new Analytics.TenantRankedOrder(tenant, sorted.get(i).id(), sorted.get(i).total(), i + 1));
            }
        });
        assertEquals(expected, analytics.rankedByTenant());
        assertEquals(expected.stream().filter(r -> r.tenantRank() <= 2).toList(), analytics.biggestPerTenant(2));
    }

    @Test
    void aggregateFilters() {
        List<Analytics.StatusCounts> expected = new ArrayList<>();
        byUser(orders).forEach((user, rows) -> expected.add(new Analytics.StatusCounts(user,
                rows.stream().filter(o -> o.status().equals("paid")).count(),
                rows.stream().filter(o -> o.status().equals("open")).count())));
        assertEquals(expected, analytics.statusCounts());
    }

    @Test
    void groupingSetsGiveNullsForTheRolledUpColumns() {
        List<Analytics.GroupCount> expected = new ArrayList<>();
        orders.stream().collect(Collectors.groupingBy(OrderRow::tenantId, TreeMap::new, Collectors.counting()))
                .forEach((tenant, count) -> expected.add(new Analytics.GroupCount(tenant, null, count)));
        orders.stream().collect(Collectors.groupingBy(OrderRow::status, TreeMap::new, Collectors.counting()))
                .forEach((status, count) -> expected.add(new Analytics.GroupCount(null, status, count)));
        expected.add(new Analytics.GroupCount(null, null, orders.size()));
        assertEquals(expected, analytics.groupingSets());
    }

    @Test
    void existsAndNotExists() {
        BigDecimal min = new BigDecimal("480");
        List<Long> above = orders.stream().filter(o -> o.total().compareTo(min) > 0).map(OrderRow::userId)
                .distinct().sorted().toList();
        assertFalse(above.isEmpty());
        assertEquals(above, analytics.usersWithOrderAbove(min));
        List<Long> without = users.stream().filter(u -> orders.stream().noneMatch(o -> o.userId() == u)).toList();
        assertFalse(without.isEmpty(), "the data should leave some users without orders");
        assertEquals(without, analytics.usersWithoutOrders());
    }

    @Test
    void lateralAndDistinctOnAgreeOnEachUsersLatestOrder() {
        List<Analytics.LatestOrder> expected = new ArrayList<>();
        Map<Long, List<OrderRow>> byUser = byUser(orders);
        for (long user : users) {
            OrderRow latest = byUser.getOrDefault(user, List.of()).stream().sorted(NEWEST_FIRST).findFirst().orElse(null);
            expected.add(new Analytics.LatestOrder(user, latest == null ? null : latest.id(),
                    latest == null ? null : latest.total()));
        }
        assertEquals(expected, analytics.latestViaLateral());
        assertEquals(expected.stream().filter(l -> l.orderId() != null).toList(), analytics.latestViaDistinctOn());
    }

    @Test
    void aCommonTableExpressionAndACorrelatedSubquery() {
        BigDecimal atLeast = new BigDecimal("3000");
        List<Analytics.Spender> expected = byUser(orders).entrySet().stream()
                .map(e -> new Analytics.Spender(e.getKey(),
                        e.getValue().stream().map(OrderRow::total).reduce(BigDecimal.ZERO, BigDecimal::add)))
                .filter(s -> s.spent().compareTo(atLeast) >= 0)
                .sorted(Comparator.comparing(Analytics.Spender::spent).reversed().thenComparing(Analytics.Spender::userId))
                .toList();
        assertFalse(expected.isEmpty());
        assertEquals(expected, analytics.bigSpenders(atLeast));

        long aboveAverage = byUser(orders).values().stream().mapToLong(rows -> {
            BigDecimal sum = rows.stream().map(OrderRow::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal count = BigDecimal.valueOf(rows.size());
            return rows.stream().filter(o -> o.total().multiply(count).compareTo(sum) > 0).count();
        }).sum();
        assertEquals(aboveAverage, analytics.ordersAboveTheirUsersAverage());
    }

    @Test
    void aStatementOverItsTimeoutIsCancelledAndTheConnectionStaysUsable() {
        long start = System.nanoTime();
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> analytics.sleep(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
        assertEquals("57014", e.sqlState());
        assertEquals("Analytics.sleep", e.method());
        // pg_sleep returns void, which casts to the empty string: the next call on the pool works
        assertEquals(Optional.of(""), analytics.sleep(0));
    }

    private static Map<Long, List<OrderRow>> byUser(List<OrderRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(OrderRow::userId, TreeMap::new, Collectors.toList()));
    }
}
