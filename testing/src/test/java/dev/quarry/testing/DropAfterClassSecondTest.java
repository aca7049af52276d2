package dev.quarry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after {@link DropAfterClassFirstTest} (see junit-platform.properties). */
@PostgresTest
@Order(2)
class DropAfterClassSecondTest {

    @Test
    void previousClassDatabaseWasDroppedAndThisOneIsDistinct(TestDatabase db) {
        String previous = DropAfterClassFirstTest.databaseName;
        assumeTrue(previous != null, "DropAfterClassFirstTest did not run first (class run on its own?)");
        assertTrue(db.name().startsWith("dropafterclasssecondtest_"), db.name());
        assertNotEquals(previous, db.name());
        assertEquals(0, Jdbc.databasesNamed(db, previous), "database of the previous class still exists");
        assertEquals(0, db.queryLong("select count(*) from information_schema.tables where table_name = 'marker'"));
    }
}
