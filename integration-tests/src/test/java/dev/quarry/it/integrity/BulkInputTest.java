package dev.quarry.it.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bulk call closes its input stream before it commits: a failing {@code onClose} takes the rows back. */
@PostgresTest
class BulkInputTest {
    private static TestDatabase testDb;
    private static Database db;
    private static Notes notes;

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

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE note");
    }

    @AfterEach
    void everyConnectionReturned() {
        assertEquals(0, Integrity.active(db));
    }

    private static Stream<Note> failingToClose(IllegalStateException failure) {
        return Stream.of(new Note(1, "a"), new Note(2, "b")).onClose(() -> {
            throw failure;
        });
    }

    @Test
    void aCopyWhoseInputFailsToCloseWritesNothing() {
        IllegalStateException failure = new IllegalStateException("the source could not be closed");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> notes.insertAll(failingToClose(failure))));
        assertEquals(0, Integrity.committed(testDb));
    }

    @Test
    void anUnnestWhoseInputFailsToCloseWritesNothing() {
        IllegalStateException failure = new IllegalStateException("the source could not be closed");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> notes.unnest(failingToClose(failure))));
        assertEquals(0, Integrity.committed(testDb));
    }

    @Test
    void insideATransactionOnlyTheCallIsTakenBack() {
        IllegalStateException failure = new IllegalStateException("the source could not be closed");
        db.transaction(() -> {
            notes.insert(10, "kept");
            assertSame(failure, assertThrows(IllegalStateException.class, () -> notes.insertAll(failingToClose(failure))));
            return null;
        });
        assertEquals(1, Integrity.committed(testDb));
        assertEquals(1, testDb.queryLong("SELECT count(*) FROM note WHERE id = 10"));
    }

    @Test
    void theInputIsClosedOnceWhenTheCallSucceeds() {
        int[] closes = {0};
        assertEquals(2, notes.insertAll(Stream.of(new Note(1, "a"), new Note(2, "b")).onClose(() -> closes[0]++)));
        assertEquals(1, closes[0]);
        assertEquals(2, Integrity.committed(testDb));
    }
}
