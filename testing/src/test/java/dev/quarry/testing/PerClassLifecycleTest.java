package dev.quarry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With PER_CLASS the constructor is resolved before beforeAll; it must still get the one class database. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerClassLifecycleTest {

    private final TestDatabase fromConstructor;

    PerClassLifecycleTest(TestDatabase db) {
        this.fromConstructor = db;
        db.execute("create table counters (n bigint); insert into counters values (7)");
    }

    @Test
    void constructorAndMethodShareTheDatabase(TestDatabase db) {
        assertSame(fromConstructor, db);
        assertEquals(7, db.queryLong("select n from counters"));
    }
}
