package dev.quarry.it.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with {@code -Xmx64m} (the {@code small-heap} surefire execution): a million
 * rows stream through in bounded memory, while the same rows read into a List do not fit in a JVM
 * with the same heap, which shows the bound is real and not an artefact of a large heap.
 */
@Tag("small-heap")
@PostgresTest
class SmallHeapStreamingTest {
    static final int ROWS = 1_000_000;
    static TestDatabase testDb;
    static Database db;
    static StreamRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        assumeTrue(Runtime.getRuntime().maxMemory() <= 96L * 1024 * 1024,
                "needs a small heap (-Xmx64m); run by the small-heap surefire execution");
        testDb = database;
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

    /**
     * In a JVM of its own with the same heap: an OutOfMemoryError here could strike the test
     * runner's threads too, which then cannot report or exit.
     */
    @Test
    void theSameRowsReadIntoAListDoNotFit() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), ReadIntoList.class.getName(),
                testDb.url(), testDb.user(), testDb.password())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), output);
        assertEquals(ReadIntoList.DID_NOT_FIT, child.exitValue(), output);
        assertTrue(output.contains("did not fit: "), output);
    }
}
