package dev.quarry.it.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.testing.PostgresTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream opened inside a transaction reads its cursor on the transaction's connection, 10 rows a
 * fetch ({@code @FetchSize(10)}), here over 50 rows: it must not be fed to a COPY on that same
 * connection (which would wait forever) nor outlive the transaction.
 */
@PostgresTest
class StreamInTransactionTest extends NoteTests {
    /** Long enough for every statement here, short enough for a hang to fail the test. */
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @BeforeEach
    void fiftyNotes() {
        testDb.execute("TRUNCATE note; INSERT INTO note SELECT n, 'note ' || n FROM generate_series(1, 50) n");
    }

    private static Note copyOf(Note note) {
        return new Note(note.id() + 1000, note.body());
    }

    @Test
    void theDefaultInsertOfAStreamFedByACursorOfTheSameTransactionWritesEveryRow() {
        long written = assertTimeoutPreemptively(LIMIT, () -> db.transaction(() -> {
            try (Stream<Note> source = notes.stream()) {
                return notes.insertAll(source.map(StreamInTransactionTest::copyOf));
            }
        }));
        assertEquals(50, written);
        assertEquals(100, Integrity.committed(testDb));
        assertEquals(50, testDb.queryLong("SELECT count(*) FROM note WHERE id > 1000 AND body = 'note ' || (id - 1000)"));
    }

    @Test
    void anExplicitCopyFedByACursorOfTheSameTransactionFailsAtOnceSayingWhy() {
        DataException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(DataException.class,
                () -> db.transaction(() -> {
                    try (Stream<Note> source = notes.stream()) {
                        return notes.copy(source.map(StreamInTransactionTest::copyOf));
                    }
                })));
        assertEquals("Notes.stream: cannot read the stream while Notes.copy runs a COPY on the same transaction's "
                + "connection: the COPY holds the connection until it ends, so the stream could never fetch its next "
                + "rows; write it with InsertStrategy.UNNEST (AUTO does so by itself), or collect the rows into a "
                + "list before the COPY", e.getMessage());
        assertEquals("Notes.stream", e.method());
        assertEquals(50, Integrity.committed(testDb));
    }

    @Test
    void aCopyOfAListWhileAStreamOfTheTransactionIsOpenStillWorks() {
        List<Integer> read = assertTimeoutPreemptively(LIMIT, () -> db.transaction(() -> {
            List<Integer> ids = new ArrayList<>();
            try (Stream<Note> source = notes.stream()) {
                source.forEach(note -> {
                    ids.add(note.id());
                    if (note.id() % 20 == 0) {
                        notes.copyList(List.of(copyOf(note)));
                    }
                });
            }
            return ids;
        }));
        assertEquals(50, read.size());
        assertEquals(52, Integrity.committed(testDb));
    }

    @Test
    void aStreamReadAfterItsTransactionEndedFailsSayingItMustBeReadInside() {
        Stream<Note> escaped = db.transaction(() -> notes.stream());
        try (escaped) {
            DataException e = assertThrows(DataException.class, escaped::toList);
            assertEquals("Notes.stream: the stream's transaction has ended (committed or rolled back), and its cursor "
                    + "with it; a stream opened inside a transaction reads on the transaction's connection and must be "
                    + "consumed inside it", e.getMessage());
            assertEquals("Notes.stream", e.method());
        }
    }
}
