package dev.quarry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@PostgresTest
class PostgresExtensionTest {

    private static TestDatabase fromBeforeAll;

    private final TestDatabase fromConstructor;
    private TestDatabase fromBeforeEach;

    PostgresExtensionTest(TestDatabase db) {
        this.fromConstructor = db;
    }

    @BeforeAll
    static void createSchema(TestDatabase db) {
        fromBeforeAll = db;
        db.execute("create table if not exists visits (id serial primary key)");
    }

    @BeforeEach
    void remember(TestDatabase db) {
        fromBeforeEach = db;
    }

    @Test
    void everyInjectionPointGetsTheClassDatabase(TestDatabase db) {
        assertSame(fromBeforeAll, db);
        assertSame(fromBeforeAll, fromConstructor);
        assertSame(fromBeforeAll, fromBeforeEach);
    }

    @Test
    void databaseIsNamedAfterTheClassAndReallyExists(TestDatabase db) {
        assertTrue(db.name().matches("postgresextensiontest_\\d+_[a-z0-9]{4}"), db.name());
        assertEquals(db.name(), Jdbc.queryString(db.dataSource(), "select current_database()"));
        assertEquals(1, Jdbc.databasesNamed(db, db.name()));
    }

    @Test
    void schemaFromBeforeAllIsVisible(TestDatabase db) {
        db.execute("insert into visits default values");
        assertTrue(db.queryLong("select count(*) from visits") >= 1);
    }

    @Nested
    class NestedClass {

        @Test
        void sharesTheEnclosingClassDatabase(TestDatabase db) {
            assertSame(fromBeforeAll, db);
            assertEquals(1, Jdbc.databasesNamed(db, db.name()));
        }
    }
}
