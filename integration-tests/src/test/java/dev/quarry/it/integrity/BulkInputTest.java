package dev.quarry.it.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quarry.runtime.DataException;
import dev.quarry.testing.PostgresTest;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bulk call closes its input stream before it commits: a failing {@code onClose} takes the rows back. */
@PostgresTest
class BulkInputTest extends NoteTests {
    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE note");
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
    void aStatementRunByTheInputOfACopyFailsAtOnceInsteadOfWaitingForIt() {
        testDb.execute("INSERT INTO note VALUES (10, 'kept')");
        // AUTO writes a stream with COPY: the lookup in map would run on the COPY's connection
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(DataException.class,
                () -> notes.insertAll(Stream.of(1, 2).map(id -> new Note(id, "after " + notes.count())))));
        assertEquals("Notes.count: cannot run while Notes.insertAll runs a COPY on the same connection: the input of a "
                + "COPY (a map or peek of its stream) must not call the database; compute the rows before the call, "
                + "or write them with InsertStrategy.UNNEST", e.getMessage());
        assertEquals(1, Integrity.committed(testDb));
    }

    @Test
    void theInputIsClosedOnceWhenTheCallSucceeds() {
        int[] closes = {0};
        assertEquals(2, notes.insertAll(Stream.of(new Note(1, "a"), new Note(2, "b")).onClose(() -> closes[0]++)));
        assertEquals(1, closes[0]);
        assertEquals(2, Integrity.committed(testDb));
    }
}
