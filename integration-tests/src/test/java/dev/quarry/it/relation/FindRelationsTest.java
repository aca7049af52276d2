package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Find} of records with relations: the graph a {@code @Query} loads, in as many statements. */
@PostgresTest
class FindRelationsTest {
    private static CountedShop repositories;
    private static FoundShop found;
    private static ShopReference reference;

    @BeforeAll
    static void setUp(TestDatabase database) {
        repositories = CountedShop.filled(database);
        found = repositories.db.repository(FoundShop.class);
        reference = ShopReference.read(database);
    }

    @AfterAll
    static void tearDown() {
        repositories.close();
    }

    @Test
    void oneUserWithOrdersItemsAndProfileSelectIn() {
        repositories.statements.reset();
        assertEquals(Optional.of(reference.user(2)), found.findById(2L));
        // the user, then one statement per tier: orders, their items, the profile
        assertEquals(4, repositories.statements.count());
        assertEquals(Optional.empty(), found.findById(-1L));
    }

    @Test
    void usersByIdsJoinedInOneStatement() {
        List<Long> ids = List.of(3L, 1L, 4L);
        repositories.statements.reset();
        assertEquals(reference.users(List.of(1L, 3L, 4L)), found.findByIdJoined(ids));
        assertEquals(1, repositories.statements.count());
    }

    @Test
    void twoTiersByIds() {
        List<Long> ids = reference.userIds();
        assertEquals(reference.userOrders(ids), found.findById(ids));
        assertEquals(List.of(), found.findById(List.<Long>of()));
    }
}
