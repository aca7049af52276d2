package dev.quarry.it.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A statement that fails inside a transaction aborts it in PostgreSQL, even when the work catches
 * the exception and carries on; COMMIT then rolls back without an error. Quarry must say so.
 */
@PostgresTest
class FailedTransactionTest extends NoteTests {
    private static final String ABORTED = "the transaction was rolled back, not committed: a statement failed inside it "
            + "and PostgreSQL aborted the transaction, which catching the exception does not undo; the failure was "
            + "Notes.insert: ERROR: duplicate key value violates unique constraint \"note_pkey\"";

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE note");
    }

    @Test
    void aFailureTheWorkCaughtFailsTheTransactionInsteadOfLosingItsWrites() {
        DataException e = assertThrows(DataException.class, () -> db.transaction(() -> {
            notes.insert(1, "a");
            try {
                notes.insert(1, "dup");
            } catch (DataException swallowed) {
                // carry on
            }
            return null;
        }));
        assertTrue(e.getMessage().startsWith(ABORTED), e.getMessage());
        assertEquals("25P02", e.sqlState());
        assertNull(e.method());
        UniqueViolationException first = assertInstanceOf(UniqueViolationException.class, e.getCause());
        assertEquals("Notes.insert", first.method());
        assertEquals(0, Integrity.committed(testDb));
    }

    @Test
    void theFirstFailureIsNamedNotTheOnesItCaused() {
        DataException e = assertThrows(DataException.class, () -> db.transaction(() -> {
            notes.insert(1, "a");
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    notes.insert(1, "dup");
                } catch (DataException swallowed) {
                    // the second one fails with "current transaction is aborted"
                }
            }
            return null;
        }));
        assertTrue(e.getMessage().startsWith(ABORTED), e.getMessage());
        assertInstanceOf(UniqueViolationException.class, e.getCause());
        assertEquals(0, Integrity.committed(testDb));
    }

    @Test
    void aTransactionalMethodThatCaughtAFailureFailsNamingItself() {
        DataException e = assertThrows(DataException.class, () -> notes.insertTwiceSwallowingTheFailure(1));
        assertTrue(e.getMessage().startsWith("Notes.insertTwiceSwallowingTheFailure: " + ABORTED), e.getMessage());
        assertEquals("Notes.insertTwiceSwallowingTheFailure", e.method());
        assertInstanceOf(UniqueViolationException.class, e.getCause());
        assertEquals(0, Integrity.committed(testDb));
    }

    @Test
    void aBulkCallWhoseInputCaughtAFailureInItsTransactionFails() {
        // the input's last element runs, and swallows, a failing insert after the last chunk was written
        Stream<Note> input = Stream.of(new Note(1, "a"), new Note(2, "b"), new Note(3, "c")).filter(note -> {
            if (note.id() < 3) {
                return true;
            }
            try {
                notes.insert(1, "dup");
            } catch (DataException swallowed) {
                // carry on
            }
            return false;
        });
        DataException e = assertThrows(DataException.class, () -> notes.unnestInPairs(input));
        assertTrue(e.getMessage().startsWith("Notes.unnestInPairs: " + ABORTED), e.getMessage());
        assertInstanceOf(UniqueViolationException.class, e.getCause());
        assertEquals(0, Integrity.committed(testDb));
    }

    @Test
    void aBulkCallThatFailedInsideItsSavepointLeavesTheTransactionToCommit() {
        db.transaction(() -> {
            notes.insert(1, "a");
            assertThrows(UniqueViolationException.class, () -> notes.unnest(Stream.of(new Note(2, "b"), new Note(1, "dup"))));
            notes.insert(3, "c");
            return null;
        });
        assertEquals(2, Integrity.committed(testDb));
    }
}
