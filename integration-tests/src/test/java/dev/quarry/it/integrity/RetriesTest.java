package dev.quarry.it.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.SerializationFailureException;
import dev.quarry.testing.PostgresTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every attempt reads the note, then another session overwrites and commits it before the attempt
 * writes it: a real serialization failure on every attempt, so the retries always run out.
 */
@PostgresTest
class RetriesTest extends NoteTests {
    private static final String CONFLICT = "Notes.setBody: ERROR: could not serialize access due to concurrent update";

    @BeforeEach
    void oneNote() {
        testDb.execute("TRUNCATE note; INSERT INTO note VALUES (1, 'original')");
    }

    /** Another session's committed write to the note this transaction has read. */
    private static Runnable meddle(AtomicInteger attempts) {
        return () -> testDb.execute("UPDATE note SET body = 'theirs " + attempts.incrementAndGet() + "' WHERE id = 1");
    }

    private static void assertGaveUp(SerializationFailureException e, String prefix, int attempts) {
        assertTrue(e.getMessage().startsWith(prefix + "the transaction failed after " + attempts + " attempts ("
                + (attempts - 1) + " retries), each a serialization failure or deadlock; the last: " + CONFLICT),
                e.getMessage());
        assertEquals("40001", e.sqlState());
        assertEquals("Notes.setBody", e.method());
        assertEquals("UPDATE note SET body = ? WHERE id = ?", e.sql());
        SerializationFailureException last = assertInstanceOf(SerializationFailureException.class, e.getCause());
        assertTrue(last.getMessage().startsWith(CONFLICT), last.getMessage());
        assertEquals(attempts - 1, e.getSuppressed().length);
        for (Throwable earlier : e.getSuppressed()) {
            assertTrue(assertInstanceOf(SerializationFailureException.class, earlier).getMessage().startsWith(CONFLICT));
        }
    }

    @Test
    void exhaustedRetriesOfATransactionSayHowManyAttemptsRan() {
        AtomicInteger attempts = new AtomicInteger();
        Runnable meddle = meddle(attempts);
        SerializationFailureException e = assertThrows(SerializationFailureException.class,
                () -> db.transaction(Isolation.SERIALIZABLE, 3, () -> {
                    notes.body(1);
                    meddle.run();
                    notes.setBody(1, "mine");
                }));
        assertGaveUp(e, "", 4);
        assertEquals(4, attempts.get());
        assertEquals("theirs 4", body());
    }

    @Test
    void exhaustedRetriesOfATransactionalMethodNameIt() {
        AtomicInteger attempts = new AtomicInteger();
        SerializationFailureException e = assertThrows(SerializationFailureException.class,
                () -> notes.overwrite(1, meddle(attempts)));
        assertGaveUp(e, "Notes.overwrite: ", 3);
        assertEquals(3, attempts.get());
        assertEquals("theirs 3", body());
    }

    @Test
    void withoutRetriesTheFailureIsThrownAsItCame() {
        AtomicInteger attempts = new AtomicInteger();
        Runnable meddle = meddle(attempts);
        SerializationFailureException e = assertThrows(SerializationFailureException.class,
                () -> db.transaction(Isolation.SERIALIZABLE, 0, () -> {
                    notes.body(1);
                    meddle.run();
                    notes.setBody(1, "mine");
                }));
        assertTrue(e.getMessage().startsWith(CONFLICT), e.getMessage());
        assertEquals(0, e.getSuppressed().length);
        assertEquals(1, attempts.get());
    }

    private static String body() {
        return db.transaction(() -> notes.body(1));
    }
}
