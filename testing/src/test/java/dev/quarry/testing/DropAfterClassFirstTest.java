package dev.quarry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Leaves its database name behind for {@link DropAfterClassSecondTest}, which runs after it. */
@PostgresTest
@Order(1)
class DropAfterClassFirstTest {

    static volatile String databaseName;

    @Test
    void recordsItsDatabase(TestDatabase db) {
        db.execute("create table marker (id int)");
        assertEquals(0, db.queryLong("select count(*) from marker"));
        databaseName = db.name();
    }
}
