package dev.quarry.it.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.pages.Readings.Reading;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.PageRequest;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A keyset walk led by each key type, over values that PostgreSQL compares otherwise than Java
 * (NaN above infinity and equal to itself, -0 equal to 0, 1.5 equal to 1.50, '1 day' equal to
 * '24 hours', uuids as unsigned bytes, text under the database's collation), with ties on every
 * key: the cursor carries each value back so that PostgreSQL resumes exactly after the last row.
 */
@PostgresTest
class KeyTypesTest {
    private static TestDatabase testDb;
    private static Database db;
    private static Readings readings;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TABLE readings (id bigint PRIMARY KEY, n int NOT NULL, small smallint NOT NULL,
                                       score double precision NOT NULL, ratio real NOT NULL, flag boolean NOT NULL,
                                       label text NOT NULL, amount numeric NOT NULL, at timestamptz NOT NULL,
                                       at_offset timestamptz NOT NULL, day date NOT NULL, local_at timestamp NOT NULL,
                                       uid uuid NOT NULL, took interval NOT NULL, level text NOT NULL);
                INSERT INTO readings
                  SELECT i, (i % 13) - 6, (i % 5) - 2,
                         (ARRAY['NaN', 'Infinity', '-Infinity', '0', '-0', '1.5', '-1e-300', '1e300'])[1 + i % 8]::float8,
                         (ARRAY['NaN', '0.1', '-0', '0', '3.4e38', '-Infinity'])[1 + i % 6]::float4,
                         i % 3 = 0,
                         (ARRAY['', 'a', 'A', 'ä', 'z', 'Zoë', '😀', ' ', 'a '])[1 + i % 9],
                         (ARRAY['1.5', '1.50', '1.500', '-0.001', '0', '1e20', '123456789.123456789'])[1 + i % 7]::numeric,
                         timestamptz '2024-01-01 00:00:00.000001+00' + (i % 9) * interval '1 microsecond',
                         timestamptz '1999-12-31 23:59:59.999999+00' + (i % 4) * interval '1 hour',
                         date '2024-02-28' + (i % 4) - CASE WHEN i % 10 = 0 THEN 800000 ELSE 0 END,
                         timestamp '2024-01-01 00:00:00' + (i % 7) * interval '1.000001 second',
                         (ARRAY['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
                                '7fffffff-ffff-ffff-ffff-ffffffffffff', '80000000-0000-0000-0000-000000000000'])[1 + i % 4]::uuid,
                         (ARRAY['1 day', '24 hours', '86400 seconds', '-1 second', '0', '0.000001 second',
                                '100000 hours'])[1 + i % 7]::interval,
                         (ARRAY['LOW', 'MID', 'HIGH'])[1 + i % 3]
                  FROM generate_series(1, 300) i;
                """);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        readings = db.repository(Readings.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** Every page of {@code call} by {@code size}, against the same ORDER BY in plain JDBC. */
    private static void walk(String orderBy, Function<PageRequest, CursoredPage<Reading>> call) {
        List<Long> expected = ItemsData.ids(testDb, "SELECT id FROM readings ORDER BY " + orderBy);
        assertEquals(300, expected.size());
        for (int size : new int[] {1, 7, 299, 300}) {
            List<Long> seen = new ArrayList<>();
            Optional<PageRequest> next = Optional.of(PageRequest.ofSize(size));
            int pages = 0;
            while (next.isPresent()) {
                assertTrue(++pages <= 300, orderBy + ": more pages than rows");
                CursoredPage<Reading> page = call.apply(next.get());
                page.content().forEach(row -> seen.add(row.id()));
                next = page.nextPageRequest();
            }
            assertEquals(expected, seen, orderBy + ", size " + size);
            assertEquals((300 + size - 1) / size, pages, orderBy + ", size " + size);
        }
    }

    @Test
    void integers() {
        walk("n, id", readings::byN);
        walk("small DESC, id", readings::bySmall);
    }

    @Test
    void floatingPointWithNanInfinitiesAndNegativeZero() {
        walk("score, id", readings::byScore);
        walk("score DESC, id DESC", readings::byScoreDesc);
        walk("ratio, id", readings::byRatio);
    }

    @Test
    void booleansTextAndEnums() {
        walk("flag, id DESC", readings::byFlag);
        walk("label, id", readings::byLabel);
        walk("level DESC, id", readings::byLevel);
    }

    @Test
    void decimalsEqualAtAnyScale() {
        walk("amount DESC, id", readings::byAmount);
    }

    @Test
    void timesToTheMicrosecond() {
        walk("at, id", readings::byAt);
        walk("at_offset DESC, id", readings::byAtOffset);
        walk("day, id", readings::byDay);
        walk("local_at, id", readings::byLocalAt);
    }

    @Test
    void uuidsAsUnsignedBytesAndIntervalsByLength() {
        walk("uid, id", readings::byUid);
        walk("took, id", readings::byTook);
    }

    @Test
    void fiveKeysOfFiveTypesInTwoDirections() {
        walk("flag DESC, level, score, uid DESC, id", readings::byMany);
    }
}
