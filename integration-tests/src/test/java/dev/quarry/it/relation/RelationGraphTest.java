package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.annotations.FetchStrategy;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graphs of one, two and three tiers under both strategies equal the graphs built by plain JDBC,
 * with exactly 1 + tiers statements for SELECT_IN and 1 for JOINED; parents keep the order of the
 * user's SQL and missing children are empty, never a missing parent.
 */
@PostgresTest
class RelationGraphTest {
    static TestDatabase testDb;
    static StatementCounter statements;
    static CountedShop repositories;
    static SelectInShop selectIn;
    static JoinedShop joined;
    static ShopReference reference;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        repositories = CountedShop.filled(database);
        statements = repositories.statements;
        selectIn = repositories.selectIn;
        joined = repositories.joined;
        reference = ShopReference.read(database);
    }

    @AfterAll
    static void tearDown() {
        repositories.close();
    }

    static ShopQueries shop(FetchStrategy strategy) {
        return repositories.shop(strategy);
    }

    /** The contract's statement count for a graph of {@code tiers} relation tiers. */
    static int expectedStatements(FetchStrategy strategy, int tiers) {
        return strategy == FetchStrategy.SELECT_IN ? 1 + tiers : 1;
    }

    /** Runs {@code load} with the counter reset before it, so only its own statements count. */
    static <T> T counted(Supplier<T> load) {
        statements.reset();
        return load.get();
    }

    /** The graph tests below prove something only if the data holds every case they claim to cover. */
    @Test
    void theDataHoldsEveryKindOfParent() {
        List<Long> users = reference.userIds();
        assertEquals(60, users.size());
        Set<Integer> orderCounts = Set.copyOf(users.stream().map(id -> reference.orderSummaries(id).size()).toList());
        assertEquals(Set.of(0, 1, 2, 3), orderCounts);
        List<Long> orders = users.stream().flatMap(id -> reference.orderSummaries(id).stream())
                .map(Shop.OrderSummary::id).toList();
        assertEquals(Set.of(0, 1, 2, 3), Set.copyOf(orders.stream().map(id -> reference.items(id).size()).toList()));
        List<Shop.User> all = reference.users(users);
        assertTrue(all.stream().anyMatch(u -> u.profile().isEmpty()));
        assertTrue(all.stream().anyMatch(u -> u.profile().isPresent()));
        // newest first is not id order for some user, so the orderBy is really observed
        assertTrue(all.stream().anyMatch(u -> !u.orders().stream().map(Shop.Order::id).sorted().toList()
                .equals(u.orders().stream().map(Shop.Order::id).toList())));
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void oneTierUsersOrders(FetchStrategy strategy) {
        List<Shop.UserSummary> loaded = counted(() -> shop(strategy).summaries());
        assertEquals(expectedStatements(strategy, 1), statements.count(), statements::toString);
        assertEquals(reference.summaries(ShopReference.ids(testDb, ShopSql.USERS)), loaded);
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void twoTiersUsersOrdersItems(FetchStrategy strategy) {
        List<Shop.UserOrders> loaded = counted(() -> shop(strategy).userOrders());
        assertEquals(expectedStatements(strategy, 2), statements.count(), statements::toString);
        assertEquals(reference.userOrders(ShopReference.ids(testDb, ShopSql.USERS)), loaded);
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void threeTiersWithTheProfileBesideTheOrders(FetchStrategy strategy) {
        List<Shop.User> loaded = counted(() -> shop(strategy).users());
        assertEquals(expectedStatements(strategy, 3), statements.count(), statements::toString);
        assertEquals(reference.users(ShopReference.ids(testDb, ShopSql.USERS)), loaded);
    }

    @Test
    void selectInRunsOneStatementPerTierOverTheKeysOfTheTierAbove() {
        counted(() -> selectIn.users());
        List<StatementCounter.Execution> executed = statements.executions();
        assertEquals(4, executed.size(), statements::toString);
        assertEquals(new StatementCounter.Execution(ShopSql.USERS, List.of()), executed.get(0));
        long orders = reference.userIds().stream().mapToLong(id -> reference.orderSummaries(id).size()).sum();
        // orders and profiles by the 60 user keys, items by every order key; the tiers' order is free
        assertEquals(Set.of("orders " + List.of(60), "order_items " + List.of((int) orders), "profiles " + List.of(60)),
                Set.copyOf(executed.subList(1, 4).stream().map(RelationGraphTest::tableAndArrays).toList()),
                statements::toString);
    }

    /** The table a child statement reads, with the lengths of the key arrays it was given. */
    private static String tableAndArrays(StatementCounter.Execution execution) {
        String from = execution.sql().substring(execution.sql().indexOf(" FROM ") + 6);
        return from.substring(0, from.indexOf(' ')) + " " + execution.arrayLengths();
    }

    @Test
    void aJoinedOrdersTierWithSelectInBelowAndBesideIt() {
        List<Shop.User> loaded = counted(() -> joined.usersOrdersJoinedRestSelectIn());
        // the joined statement, then items and profiles by their keys
        assertEquals(3, statements.count(), statements::toString);
        assertEquals(reference.users(ShopReference.ids(testDb, ShopSql.USERS)), loaded);
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void parentsKeepTheOrderOfTheUsersSql(FetchStrategy strategy) {
        List<Shop.User> loaded = counted(() -> shop(strategy).usersByEmailDesc());
        assertEquals(expectedStatements(strategy, 3), statements.count(), statements::toString);
        List<String> emails = loaded.stream().map(Shop.User::email).toList();
        assertEquals(emails.stream().sorted(Comparator.reverseOrder()).toList(), emails);
        assertNotEquals(loaded.stream().map(Shop.User::id).sorted(Comparator.reverseOrder()).toList(),
                loaded.stream().map(Shop.User::id).toList(), "e-mail order must differ from id order to prove anything");
        assertEquals(reference.users(ShopReference.ids(testDb, ShopSql.USERS_BY_EMAIL_DESC)), loaded);
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void aParentTheUsersSqlReturnsTwiceIsTwoParentsWithTheSameChildren(FetchStrategy strategy) {
        List<Shop.User> loaded = counted(() -> shop(strategy).usersPerOrder());
        assertEquals(expectedStatements(strategy, 3), statements.count(), statements::toString);
        List<Long> ids = ShopReference.ids(testDb, ShopSql.USERS_PER_ORDER);
        assertTrue(ids.size() > Set.copyOf(ids).size(), "the SQL repeats parents");
        assertEquals(reference.users(ids), loaded);
        if (strategy == FetchStrategy.SELECT_IN) {
            // each user key is sent once, however often its parent repeats
            List<String> tiers = statements.executions().stream().map(RelationGraphTest::tableAndArrays).toList();
            int users = Set.copyOf(ids).size();
            assertTrue(tiers.contains("orders " + List.of(users)) && tiers.contains("profiles " + List.of(users)),
                    statements::toString);
        }
        // the repeated parents are equal, yet each has a list of its own
        int first = ids.indexOf(ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).findFirst().orElseThrow());
        int second = ids.lastIndexOf(ids.get(first));
        List<Shop.Order> mine = loaded.get(first).orders();
        List<Shop.Order> theirs = loaded.get(second).orders();
        assertEquals(theirs, mine);
        assertTrue(!mine.isEmpty() && mine != theirs, "two parents share one list");
        mine.clear();
        assertEquals(reference.users(List.of(ids.get(second))).get(0).orders(), theirs);
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void noChildrenIsEmptyNeverAMissingParent(FetchStrategy strategy) {
        ShopQueries shop = shop(strategy);
        // user 12: no orders (12 % 4 == 0) and no profile (12 % 3 == 0)
        Shop.User lonely = shop.single(12, 12);
        assertEquals(new Shop.User(12, "user-12@example.com", List.of(), Optional.empty()), lonely);
        Shop.UserProfile withoutProfile = shop.profiles().stream().filter(u -> u.id() == 12).findFirst().orElseThrow();
        assertNull(withoutProfile.profile());
        Shop.UserOrderSet withoutOrders = shop.orderSets().stream().filter(u -> u.id() == 12).findFirst().orElseThrow();
        assertEquals(Set.of(), withoutOrders.orders());
        // user 8 has no orders but a profile; user 3 has three orders, one of them (32) without items
        assertEquals(reference.user(8), shop.single(8, 8));
        assertTrue(reference.user(8).profile().isPresent() && reference.user(8).orders().isEmpty());
        Shop.User three = shop.single(3, 3);
        assertEquals(reference.user(3), three);
        assertEquals(List.of(), three.orders().stream().filter(o -> o.id() == 32).findFirst().orElseThrow().items());
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void setChildrenInTheRelationsOrder(FetchStrategy strategy) {
        List<Shop.UserOrderSet> loaded = counted(() -> shop(strategy).orderSets());
        assertEquals(expectedStatements(strategy, 1), statements.count(), statements::toString);
        List<Shop.UserOrderSet> expected = reference.orderSets(ShopReference.ids(testDb, ShopSql.USERS));
        assertEquals(expected, loaded);
        // Set equality ignores order; the iteration order is the orderBy's too
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(new ArrayList<>(expected.get(i).orders()), new ArrayList<>(loaded.get(i).orders()));
        }
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void plainToOneIsTheChildOrNull(FetchStrategy strategy) {
        List<Shop.UserProfile> loaded = counted(() -> shop(strategy).profiles());
        assertEquals(expectedStatements(strategy, 1), statements.count(), statements::toString);
        assertEquals(reference.profiles(ShopReference.ids(testDb, ShopSql.USERS)), loaded);
        assertEquals(20, loaded.stream().filter(u -> u.profile() == null).count());
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void joinedPagesParentsNotJoinedRows(FetchStrategy strategy) {
        List<Shop.User> page = counted(() -> shop(strategy).page());
        assertEquals(expectedStatements(strategy, 3), statements.count(), statements::toString);
        List<Long> ids = IntStream.rangeClosed(6, 15).mapToObj(i -> (long) i).toList();
        assertEquals(ids, page.stream().map(Shop.User::id).toList());
        assertEquals(reference.users(ids), page);
        // the page has many children, so paging joined rows would have cut it short
        int joinedRows = page.stream().mapToInt(u -> Math.max(1, u.orders().stream()
                .mapToInt(o -> Math.max(1, o.items().size())).sum())).sum();
        assertTrue(joinedRows > 20, "rows per page: " + joinedRows);
    }

    @Test
    void bothStrategiesGiveEqualGraphs() {
        assertEquals(selectIn.users(), joined.users());
        assertEquals(selectIn.usersByEmailDesc(), joined.usersByEmailDesc());
        assertEquals(selectIn.list(1, 60), joined.list(1, 60));
        assertEquals(selectIn.page(), joined.page());
        assertEquals(selectIn.summaries(), joined.summaries());
        assertEquals(selectIn.userOrders(), joined.userOrders());
    }

    /**
     * An orderBy with ties ("quantity DESC" over quantities 1 and 2) leaves the order between equal
     * children to the @Id, as without an orderBy; otherwise the two strategies could give different
     * graphs. The items were written in descending id order, so a sort that ignores the id shows it.
     */
    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void childrenThatTieOnTheOrderByComeInIdOrder(FetchStrategy strategy) {
        List<Shop.OrderByQuantity> loaded = counted(() -> shop(strategy).ordersByQuantity());
        assertEquals(expectedStatements(strategy, 1), statements.count(), statements::toString);
        List<Shop.OrderByQuantity> expected = ShopReference.ids(testDb, ShopSql.ORDER_IDS).stream()
                .map(id -> new Shop.OrderByQuantity(id, reference.items(id).stream()
                        .sorted(Comparator.comparingInt(Shop.Item::quantity).reversed()
                                .thenComparingLong(Shop.Item::id))
                        .toList()))
                .toList();
        assertTrue(expected.stream().anyMatch(o -> o.items().size() == 3), "some order holds a tie");
        // item ids first, for a readable difference
        assertEquals(itemIds(expected), itemIds(loaded));
        assertEquals(expected, loaded);
    }

    /** "orders.created_at" is the same order as "created_at" over the orders table. */
    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void anOrderByQualifiedWithTheChildTable(FetchStrategy strategy) {
        List<Shop.UserQualifiedOrders> loaded = counted(() -> shop(strategy).qualifiedOrderBy());
        assertEquals(expectedStatements(strategy, 1), statements.count(), statements::toString);
        List<Shop.UserQualifiedOrders> expected = reference.summaries(ShopReference.ids(testDb, ShopSql.USERS)).stream()
                .map(u -> new Shop.UserQualifiedOrders(u.id(), u.email(), u.orders()))
                .toList();
        assertEquals(expected, loaded);
    }

    /** Parents that share the value of a relation's parent column share its children, each in a list of its own. */
    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void parentsThatShareARelationsParentColumnShareItsChildren(FetchStrategy strategy) {
        List<Shop.OrderSiblings> loaded = counted(() -> shop(strategy).orderSiblings());
        assertEquals(expectedStatements(strategy, 1), statements.count(), statements::toString);
        List<Shop.OrderSiblings> expected = ShopReference.ids(testDb, ShopSql.ORDERS_OF_FIRST_USERS).stream()
                .map(id -> reference.order(id))
                .map(o -> new Shop.OrderSiblings(o.id(), o.userId(), reference.orderSummaries(o.userId())))
                .toList();
        assertTrue(expected.stream().filter(o -> o.siblings().size() > 1).count() > 2, "orders with siblings");
        assertEquals(expected, loaded);
        Shop.OrderSiblings first = loaded.stream().filter(o -> o.siblings().size() > 1).findFirst().orElseThrow();
        Shop.OrderSiblings second = loaded.stream().filter(o -> o.userId() == first.userId() && o != first)
                .findFirst().orElseThrow();
        assertTrue(first.siblings() != second.siblings(), "two parents share one list");
    }

    /**
     * A query of the parent's table alone is joined without numbering its rows: its ORDER BY
     * sorts the joined statement, and the @Id, after it, keeps the rows of parents that tie apart.
     */
    @Test
    void parentsThatTieOnTheOrderByComeInIdOrderEachWithItsOwnChildren() {
        List<Shop.Order> loaded = counted(() -> joined.ordersByUserDesc());
        assertEquals(1, statements.count(), statements::toString);
        String statement = statements.executions().get(0).sql();
        assertTrue(!statement.contains("row_number")
                && statement.contains("(SELECT id, user_id, total, created_at FROM orders o WHERE o.user_id <= 20) _p")
                && statement.endsWith(" ORDER BY _p.user_id DESC, _p.id, _j1.id"), statement);
        List<Shop.Order> expected = ShopReference.ids(testDb, ShopSql.ORDERS_BY_USER_DESC).stream()
                .map(reference::order)
                .sorted(Comparator.comparingLong(Shop.Order::userId).reversed().thenComparingLong(Shop.Order::id))
                .toList();
        assertTrue(expected.size() > Set.copyOf(expected.stream().map(Shop.Order::userId).toList()).size(),
                "parents tie on the ORDER BY");
        assertTrue(expected.stream().filter(o -> o.items().size() > 1).count() > 1, "parents with several children");
        assertEquals(expected, loaded);
    }

    /** A query that is more than one read of the parent's table keeps its rows apart by their number. */
    @Test
    void aJoinInTheParentsSqlNumbersItsRows() {
        counted(() -> joined.usersPerOrder());
        assertTrue(statements.executions().get(0).sql().contains("row_number() OVER () AS _pos"), statements::toString);
    }

    private static List<String> itemIds(List<Shop.OrderByQuantity> orders) {
        return orders.stream().map(o -> o.id() + "=" + o.items().stream().map(Shop.Item::id).toList()).toList();
    }
}
