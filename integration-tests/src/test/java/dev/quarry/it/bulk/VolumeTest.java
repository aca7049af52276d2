package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 200 000 rows through each strategy, in several chunks: every row arrives, with its values. */
@PostgresTest
class VolumeTest {
    static final int ROWS = 200_000;

    private static TestDatabase testDb;
    private static Database db;
    private static ReadingRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Reading.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(ReadingRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE readings");
    }

    /** The rows generated on demand, so the input is never a list in memory. */
    private static Iterable<Reading> generated() {
        return () -> new Iterator<>() {
            long next = 1;

            @Override
            public boolean hasNext() {
                return next <= ROWS;
            }

            @Override
            public Reading next() {
                return Reading.of(next++);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"COPY", "UNNEST", "BATCH", "AUTO"})
    void everyRowArrives(String strategy) {
        long start = System.nanoTime();
        long written = switch (strategy) {
            case "COPY" -> repo.copy(LongStream.rangeClosed(1, ROWS).mapToObj(Reading::of));
            case "UNNEST" -> repo.unnest(generated());
            case "BATCH" -> repo.batch(generated());
            default -> repo.auto(LongStream.rangeClosed(1, ROWS).mapToObj(Reading::of).toList());
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d rows in %.2f s (%,.0f rows/s)%n", strategy, written, seconds, written / seconds);
        assertEquals(ROWS, written);

        BigDecimal valueSum = BigDecimal.ZERO;
        long sensorSum = 0;
        long labelChars = 0;
        for (long n = 1; n <= ROWS; n++) {
            Reading r = Reading.of(n);
            valueSum = valueSum.add(r.value());
            sensorSum += r.sensor();
            labelChars += r.label().length();
        }
        List<String> expected = List.of(String.valueOf(ROWS), String.valueOf((long) ROWS * (ROWS + 1) / 2),
                String.valueOf(sensorSum), valueSum.toPlainString(), String.valueOf(labelChars),
                String.valueOf(ROWS * (ROWS + 1L) / 2), "0");
        assertEquals(expected, BulkJdbc.row(testDb, """
                SELECT count(*), sum(id), sum(sensor), sum(value), sum(length(label)),
                       sum(extract(epoch FROM taken_at - timestamptz '2025-01-01 00:00:00+00')::bigint),
                       count(*) FILTER (WHERE label <> 'reading-' || id)
                FROM readings"""));
    }
}
