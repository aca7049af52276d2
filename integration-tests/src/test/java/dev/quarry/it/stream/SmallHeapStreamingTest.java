package dev.quarry.it.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with {@code -Xmx64m} (the {@code small-heap} surefire execution): a million
 * rows stream through in bounded memory, while the same rows read into a List do not fit, which
 * shows the bound is real and not an artefact of a large heap.
 */
@Tag("small-heap")
@PostgresTest
class SmallHeapStreamingTest {
    static final int ROWS = 1_000_000;
    static Database db;
    static StreamRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        assumeTrue(Runtime.getRuntime().maxMemory() <= 96L * 1024 * 1024,
                "needs a small heap (-Xmx64m); run by the small-heap surefire execution");
        database.execute("""
                CREATE TABLE items (id bigint PRIMARY KEY, grp int NOT NULL, amount numeric(12,2) NOT NULL, label text NOT NULL);
                INSERT INTO items SELECT g, g %% 97, (g %% 1000) / 10.0, 'item-' || g FROM generate_series(1, %d) g;
                """.formatted(ROWS));
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        repo = db.repository(StreamRepository.class);
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aMillionRowsStreamInSixtyFourMegabytes() {
        long count;
        long labelChars;
        try (Stream<StreamRepository.Item> items = repo.all()) {
            long[] totals = new long[2];
            items.forEach(item -> {
                totals[0]++;
                totals[1] += item.label().length();
            });
            count = totals[0];
            labelChars = totals[1];
        }
        assertEquals(ROWS, count);
        assertTrue(labelChars > 10L * ROWS);
    }

    @Test
    void theSameRowsReadIntoAListDoNotFit() {
        Throwable thrown = assertThrows(Throwable.class, () -> repo.listUpTo(ROWS));
        if (thrown instanceof DataException e) {
            // pgjdbc catches its own OutOfMemoryError while buffering the result and reports SQLSTATE 53200
            assertEquals("53200", e.sqlState(), e.getMessage());
        } else {
            assertInstanceOf(OutOfMemoryError.class, thrown);
        }
    }
}
