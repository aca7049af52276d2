package dev.quarry.it.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An abstract repository built with the Database reaches two other repositories inside its own transaction. */
@PostgresTest
class ServiceRepositoryTest {
    private static TestDatabase testDb;
    private static Database db;
    private static Orders orders;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Orders.DDL);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        orders = db.repository(Orders.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void stock() {
        testDb.execute("TRUNCATE stock, shipment, order_log; INSERT INTO stock VALUES ('bolt', 10)");
    }

    @Test
    void oneTransactionCommitsTheWritesOfAllThreeRepositories() {
        orders.ship("bolt", 4);
        assertEquals(6, orders.stock().onHand("bolt"));
        assertEquals(1, orders.shipments().count());
        assertEquals(1, orders.logged());
    }

    @Test
    void aFailureInTheSecondRepositoryRollsBackTheFirstAndTheClassOwn() {
        // the CHECK on stock fails after the log row and the shipment are written
        DataException e = assertThrows(DataException.class, () -> orders.ship("bolt", 11));
        assertEquals("23514", e.sqlState());
        assertTrue(e.getMessage().startsWith("Stock.take: "), e.getMessage());
        assertEquals(10, orders.stock().onHand("bolt"));
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM shipment"));
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM order_log"));
    }

    @Test
    void anExceptionOfTheMethodItselfRollsBackBothRepositories() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> orders.ship("nut", 1));
        assertEquals("no stock row for nut", e.getMessage());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM shipment"));
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM order_log"));
    }

    @Test
    void aConstructorCycleIsADataExceptionNamingTheRepository() {
        DataException e = assertThrows(DataException.class, () -> db.repository(Loop.class));
        assertTrue(e.getMessage().contains("creating dev.quarry.it.services.Loop_Impl needs dev.quarry.it.services.Loop"
                + " itself: repository constructors call db.repository(…) in a cycle"), e.getMessage());
    }

    @Test
    void aRepositoryIsCreatedOnceAndTheOnesItLooksUpAreTheDatabasesOwn() {
        assertTrue(orders == db.repository(Orders.class));
        assertTrue(orders.stock() == db.repository(Stock.class));
        assertTrue(orders.shipments() == db.repository(Shipments.class));
    }
}
