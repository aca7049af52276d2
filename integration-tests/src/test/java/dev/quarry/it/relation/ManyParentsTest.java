package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 25 000 parents: SELECT_IN cuts their keys into chunks of at most 10 000, and the graph stays whole. */
@PostgresTest
class ManyParentsTest {
    static StatementCounter statements;
    static CountedShop repositories;
    static SelectInShop selectIn;
    static JoinedShop joined;
    static List<Shop.UserSummary> expected;

    @BeforeAll
    static void setUp(TestDatabase database) {
        ShopSchema.create(database);
        // user u has u % 3 orders, so every chunk of keys holds parents with none, one and two
        database.execute("""
                INSERT INTO users SELECT u, 'user-' || u || '@example.com' FROM generate_series(1, 25000) u;
                INSERT INTO orders
                  SELECT u * 10 + k, u, k * 10, timestamptz '2024-01-01 00:00:00+00' + (u * 10 + k) * interval '1 second'
                  FROM generate_series(1, 25000) u, generate_series(1, u % 3) k;
                """);
        repositories = new CountedShop(database);
        statements = repositories.statements;
        selectIn = repositories.selectIn;
        joined = repositories.joined;
        expected = ShopReference.read(database).summaries(ShopReference.ids(database, ShopSql.USERS));
    }

    @AfterAll
    static void tearDown() {
        repositories.close();
    }

    @Test
    void twentyFiveThousandParentsInThreeChunks() {
        statements.reset();
        List<Shop.UserSummary> loaded = selectIn.summaries();
        // the parents, then the one tier in three statements
        assertEquals(4, statements.count(), statements::toString);
        List<Integer> chunks = statements.executions().subList(1, 4).stream()
                .map(e -> e.arrayLengths().get(0)).toList();
        assertTrue(chunks.stream().allMatch(keys -> keys <= 10_000), chunks::toString);
        assertEquals(25_000, chunks.stream().mapToInt(Integer::intValue).sum(), chunks::toString);
        assertEquals(25_000, expected.size());
        assertEquals(25_000, expected.stream().mapToInt(u -> u.orders().size()).sum());
        assertEquals(expected, loaded);
    }

    @Test
    void joinedGivesTheSameGraphInOneStatement() {
        statements.reset();
        List<Shop.UserSummary> viaJoined = joined.summaries();
        assertEquals(1, statements.count(), statements::toString);
        assertEquals(expected, viaJoined);
    }
}
