package dev.quarry.it.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A {@code CompletableFuture} method called after {@code db.close()} is refused on the caller's thread. */
@PostgresTest
class ClosedDatabaseTest {
    private static final String CLOSED = "Notes.countLater: the database is closed; a CompletableFuture method cannot "
            + "run after Database.close()";

    private static TestDatabase testDb;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Note.DDL);
    }

    private static Database open() {
        return Database.builder().url(testDb.url()).user(testDb.user()).password(testDb.password())
                .maximumPoolSize(2).build();
    }

    @Test
    void afterFuturesHadRunTheNextOneIsRefusedNamingTheMethod() throws Exception {
        Database db = open();
        Notes notes = db.repository(Notes.class);
        assertEquals(0L, notes.countLater().get(10, TimeUnit.SECONDS));
        db.close();
        DataException e = assertThrows(DataException.class, notes::countLater);
        assertEquals(CLOSED, e.getMessage());
        assertEquals("Notes.countLater", e.method());
    }

    @Test
    void whenNoFutureHadRunTheFirstOneIsRefusedToo() {
        Database db = open();
        Notes notes = db.repository(Notes.class);
        db.close();
        DataException e = assertThrows(DataException.class, notes::countLater);
        assertEquals(CLOSED, e.getMessage());
    }
}
