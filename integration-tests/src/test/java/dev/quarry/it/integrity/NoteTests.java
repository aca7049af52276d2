package dev.quarry.it.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.runtime.Database;
import dev.quarry.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the tests of this package share: the {@code note} table on each class's own database, a
 * pool over it, and the check that every call gave its connection back.
 */
abstract class NoteTests {
    static TestDatabase testDb;
    static Database db;
    static Notes notes;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        db = Integrity.open(database);
        notes = db.repository(Notes.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @AfterEach
    void everyConnectionReturned() {
        assertEquals(0, Integrity.active(db));
    }
}
