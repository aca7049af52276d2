package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.annotations.FetchStrategy;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.NoResultException;
import dev.quarry.runtime.TooManyResultsException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every parent return shape loads its relations, with each shape's cardinality rules, also inside a transaction. */
@PostgresTest
class ParentShapesTest {
    static TestDatabase testDb;
    static StatementCounter statements;
    static CountedShop repositories;
    static Database db;
    static SelectInShop selectIn;
    static JoinedShop joined;
    static ShopWrites writes;
    static ShopReference reference;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        repositories = CountedShop.filled(database);
        statements = repositories.statements;
        db = repositories.db;
        selectIn = repositories.selectIn;
        joined = repositories.joined;
        writes = repositories.writes;
        reference = ShopReference.read(database);
    }

    @AfterAll
    static void tearDown() {
        repositories.close();
    }

    static ShopQueries shop(FetchStrategy strategy) {
        return repositories.shop(strategy);
    }

    static int threeTiers(FetchStrategy strategy) {
        return strategy == FetchStrategy.SELECT_IN ? 4 : 1;
    }

    static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void singleRecord(FetchStrategy strategy) {
        ShopQueries shop = shop(strategy);
        statements.reset();
        // user 7: three orders with items, and a profile
        assertEquals(reference.user(7), shop.single(7, 7));
        assertEquals(threeTiers(strategy), statements.count(), statements::toString);

        NoResultException none = assertThrows(NoResultException.class, () -> shop.single(100, 200));
        assertEquals(label(strategy, "single"), none.method());
        assertEquals(label(strategy, "single") + ": expected exactly one row, the query returned none",
                none.getMessage());
        TooManyResultsException two = assertThrows(TooManyResultsException.class, () -> shop.single(7, 8));
        assertEquals(label(strategy, "single"), two.method());
        assertEquals(label(strategy, "single") + ": expected at most one row, the query returned more",
                two.getMessage());
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void optionalRecord(FetchStrategy strategy) {
        ShopQueries shop = shop(strategy);
        statements.reset();
        assertEquals(Optional.of(reference.user(11)), shop.optional(11, 11));
        assertEquals(threeTiers(strategy), statements.count(), statements::toString);
        assertEquals(Optional.empty(), shop.optional(100, 200));
        TooManyResultsException two = assertThrows(TooManyResultsException.class, () -> shop.optional(10, 11));
        assertEquals(label(strategy, "optional"), two.method());
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void listOfRecords(FetchStrategy strategy) {
        ShopQueries shop = shop(strategy);
        statements.reset();
        assertEquals(reference.users(range(20, 40)), shop.list(20, 40));
        assertEquals(threeTiers(strategy), statements.count(), statements::toString);
        assertEquals(List.of(), shop.list(100, 200));
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void setOfRecordsInTheOrderOfTheSql(FetchStrategy strategy) {
        ShopQueries shop = shop(strategy);
        statements.reset();
        Set<Shop.User> loaded = shop.set(30, 45);
        assertEquals(threeTiers(strategy), statements.count(), statements::toString);
        List<Shop.User> expected = reference.users(range(30, 45));
        assertEquals(new LinkedHashSet<>(expected), loaded);
        assertEquals(expected, new ArrayList<>(loaded));
        assertEquals(Set.of(), shop.set(100, 200));
    }

    /** Rows written in the transaction are seen by every tier, because every tier runs on its connection. */
    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void insideATransactionEveryTierSeesItsUncommittedRows(FetchStrategy strategy) {
        ShopQueries shop = shop(strategy);
        long user = strategy == FetchStrategy.SELECT_IN ? 901 : 902;
        Instant older = Instant.parse("2030-01-01T00:00:00Z");
        Instant newer = Instant.parse("2030-02-01T00:00:00Z");
        Shop.User expected = new Shop.User(user, "new-" + user + "@example.com", List.of(
                new Shop.Order(user * 10 + 2, user, new BigDecimal("20.50"), newer, List.of()),
                new Shop.Order(user * 10 + 1, user, new BigDecimal("10.25"), older, List.of(
                        new Shop.Item(user * 100 + 1, user * 10 + 1, "fresh-1", 1),
                        new Shop.Item(user * 100 + 2, user * 10 + 1, "fresh-2", 2)))),
                Optional.of(new Shop.Profile(user, "written just now")));
        class Rollback extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        statements.reset();
        assertThrows(Rollback.class, () -> db.transaction(() -> {
            writes.addUser(user, "new-" + user + "@example.com");
            writes.addOrder(user * 10 + 1, user, new BigDecimal("10.25"), older);
            writes.addOrder(user * 10 + 2, user, new BigDecimal("20.50"), newer);
            writes.addItem(user * 100 + 2, user * 10 + 1, "fresh-2", 2);
            writes.addItem(user * 100 + 1, user * 10 + 1, "fresh-1", 1);
            writes.addProfile(user, "written just now");
            int before = statements.count();
            assertEquals(expected, shop.single(user, user));
            assertEquals(threeTiers(strategy), statements.count() - before, statements::toString);
            assertEquals(Optional.of(expected), shop.optional(user, user));
            List<Shop.User> withNeighbours = shop.list(59, user);
            assertEquals(List.of(reference.user(59), reference.user(60), expected), withNeighbours);
            throw new Rollback();
        }));
        assertEquals(1, statements.connections(), "the writes and every tier ran on the transaction's connection");
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM users WHERE id = " + user));
        assertEquals(Optional.empty(), shop.optional(user, user));
    }

    private static String label(FetchStrategy strategy, String method) {
        return (strategy == FetchStrategy.SELECT_IN ? "SelectInShop." : "JoinedShop.") + method;
    }
}
