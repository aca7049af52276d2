package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.it.Catalog.Product;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class RepositoryLookupTest {
    private static final List<Product> PRODUCTS = List.of(new Product("a-1", 3), new Product("b-2", 0),
            new Product("c-3", 10));

    private static TestDatabase testDb;
    private static Database db;

    /** Not a repository: nothing is generated for it. */
    interface NotARepository {}

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TABLE product (sku text PRIMARY KEY, stock int NOT NULL);
                CREATE TABLE stock (sku text PRIMARY KEY, stock int NOT NULL);
                INSERT INTO stock VALUES ('s-1', 3), ('s-2', 0), ('s-3', 10);
                """);
        Jdbc.insert(database, "INSERT INTO product VALUES (?, ?)", PRODUCTS, (stmt, p) -> {
            stmt.setString(1, p.sku());
            stmt.setInt(2, p.stock());
        });
        db = Databases.open(database);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @AfterEach
    void everyConnectionReturned() throws SQLException {
        assertEquals(0, Databases.activeConnections(db));
    }

    private static int storedStock(String sku) {
        return Jdbc.query(testDb, "SELECT stock FROM stock WHERE sku = ?", rs -> rs.getInt(1), sku).get(0);
    }

    @Test
    void theSameInstanceEveryTime() {
        Catalog.Products products = db.repository(Catalog.Products.class);
        assertSame(products, db.repository(Catalog.Products.class));
        assertSame(db.repository(Inventory.class), db.repository(Inventory.class));
    }

    @Test
    void eachDatabaseHasItsOwnInstance() {
        try (Database other = Databases.open(testDb)) {
            Catalog.Products mine = db.repository(Catalog.Products.class);
            Catalog.Products theirs = other.repository(Catalog.Products.class);
            assertNotSame(mine, theirs);
            assertEquals(mine.all(), theirs.all());
        }
    }

    @Test
    void nestedRepositoryInterface() {
        Catalog.Products products = db.repository(Catalog.Products.class);
        assertEquals("dev.quarry.it.Catalog_Products_Impl", products.getClass().getName());
        assertEquals(PRODUCTS, products.all());
        assertEquals(10, products.stockOf("c-3"));
    }

    @Test
    void abstractClassWithAConcreteMethodCallingGeneratedOnes() {
        Inventory inventory = db.repository(Inventory.class);
        assertEquals("dev.quarry.it.Inventory_Impl", inventory.getClass().getName());
        assertEquals(3, inventory.stockOf("s-1"));
        assertEquals(8, inventory.restock("s-1", 5));
        assertEquals(8, storedStock("s-1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inventory.restock("s-2", -1));
        assertEquals("s-2 has only 0 in stock", e.getMessage());
        assertEquals(0, storedStock("s-2"));
    }

    @Test
    void abstractClassMethodsJoinTransactions() {
        Inventory inventory = db.repository(Inventory.class);
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            inventory.restock("s-3", 1);
            assertEquals(12, inventory.restock("s-3", 1));
            throw new IllegalStateException("undo both");
        }));
        assertEquals(10, storedStock("s-3"));
    }

    @Test
    void aTypeWithoutImplementationIsAClearError() {
        DataException e = assertThrows(DataException.class, () -> db.repository(NotARepository.class));
        assertEquals("no generated implementation dev.quarry.it.RepositoryLookupTest_NotARepository_Impl for "
                + NotARepository.class.getName() + ": is it annotated @Repository, and is quarry-processor on the "
                + "annotation processor path?", e.getMessage());
    }
}
