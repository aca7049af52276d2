package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.annotations.FetchStrategy;
import dev.quarry.runtime.TooManyResultsException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** To-one relations that find two children, and a relation whose children come from its own filtered query. */
@PostgresTest
class ChildRelationsTest {
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

    static String repository(FetchStrategy strategy) {
        return strategy == FetchStrategy.SELECT_IN ? "SelectInShop" : "JoinedShop";
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void optionalToOneWithTwoChildrenNamesTheMethodAndTheRelation(FetchStrategy strategy) {
        ShopQueries shop = shop(strategy);
        // user 1 has one order, user 4 none: both fit a to-one relation
        Shop.OrderSummary only = reference.orderSummaries(1).get(0);
        assertEquals(Optional.of(new Shop.UserLatestOrder(1, "user-1@example.com", Optional.of(only))), shop.latestOrder(1));
        assertEquals(Optional.of(new Shop.UserLatestOrder(4, "user-4@example.com", Optional.empty())), shop.latestOrder(4));

        // user 2 has two
        assertEquals(2, reference.orderSummaries(2).size());
        TooManyResultsException e = assertThrows(TooManyResultsException.class, () -> shop.latestOrder(2));
        String method = repository(strategy) + ".latestOrder";
        assertEquals(method, e.method());
        assertTrue(e.getMessage().contains(method) && e.getMessage().contains("'latest'"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(FetchStrategy.class)
    void plainToOneWithTwoChildrenNamesTheMethodAndTheRelation(FetchStrategy strategy) {
        ShopQueries shop = shop(strategy);
        assertEquals(new Shop.UserOneOrder(1, "user-1@example.com", reference.orderSummaries(1).get(0)), shop.oneOrder(1));
        assertNull(shop.oneOrder(4).order());

        assertEquals(3, reference.orderSummaries(3).size());
        TooManyResultsException e = assertThrows(TooManyResultsException.class, () -> shop.oneOrder(3));
        String method = repository(strategy) + ".oneOrder";
        assertEquals(method, e.method());
        assertTrue(e.getMessage().contains(method) && e.getMessage().contains("'order'"), e.getMessage());
    }

    @Test
    void aRelationsOwnQueryFiltersItsChildren() {
        statements.reset();
        List<Shop.OrderBulkItems> loaded = selectIn.ordersWithBulkItems();
        assertEquals(2, statements.count(), statements::toString);
        assertTrue(statements.executions().get(1).sql().contains("quantity > 1"), statements::toString);
        List<Shop.OrderBulkItems> expected = ShopReference.ids(testDb, ShopSql.ORDER_IDS).stream()
                .map(id -> new Shop.OrderBulkItems(id, id / 10, reference.items(id).stream()
                        .filter(item -> item.quantity() > 1).toList()))
                .toList();
        assertEquals(expected, loaded);
        // the filter removed something, and left orders whose items all were single pieces empty
        long all = expected.stream().mapToLong(o -> reference.items(o.id()).size()).sum();
        long kept = loaded.stream().mapToLong(o -> o.bulkItems().size()).sum();
        assertTrue(kept > 0 && kept < all, kept + " of " + all);
        assertTrue(loaded.stream().anyMatch(o -> o.bulkItems().isEmpty() && !reference.items(o.id()).isEmpty()));
    }
}
