package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with {@code -Xmx64m} (the {@code small-heap} surefire execution): a
 * million generated rows go through COPY from a Stream, which only works if the input is read and
 * sent chunk by chunk, never held whole (the rows alone take several hundred megabytes).
 */
@Tag("small-heap")
@PostgresTest
class SmallHeapCopyTest {
    static final long ROWS = 1_000_000;

    private static TestDatabase testDb;
    private static Database db;
    private static ReadingRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        assumeTrue(Runtime.getRuntime().maxMemory() <= 96L * 1024 * 1024,
                "needs a small heap (-Xmx64m); run by the small-heap surefire execution");
        testDb = database;
        database.execute(Reading.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(ReadingRepository.class);
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aMillionRowsFromAStreamInSixtyFourMegabytes() {
        long start = System.nanoTime();
        assertEquals(ROWS, repo.copy(LongStream.rangeClosed(1, ROWS).mapToObj(Reading::of)));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("COPY from a Stream under -Xmx64m: %,d rows in %.2f s (%,.0f rows/s)%n", ROWS, seconds,
                ROWS / seconds);
        assertEquals(List.of(String.valueOf(ROWS), String.valueOf(ROWS * (ROWS + 1) / 2), "0"), BulkJdbc.row(testDb,
                "SELECT count(*), sum(id), count(*) FILTER (WHERE label <> 'reading-' || id) FROM readings"));
    }

    /** The bound is real: the same rows collected first do not fit. */
    @Test
    void theSameRowsHeldInAListDoNotFit() {
        assertThrows(OutOfMemoryError.class, () -> LongStream.rangeClosed(1, ROWS).mapToObj(Reading::of).toList());
    }
}
