package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.SqlCapture;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every strategy writes every column type, NULLs and edge values included, exactly as given. */
@PostgresTest
class KindsRoundTripTest {
    private static TestDatabase testDb;
    private static Database db;
    private static KindsRepository repo;

    enum Via { COPY, UNNEST, BATCH, AUTO_SMALL_LIST, AUTO_STREAM, ONE_BY_ONE }

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Kinds.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(KindsRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE kinds");
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void writesEveryTypeExactly(Via via) {
        List<Kinds> rows = KindsSamples.rows(300);
        try (SqlCapture sql = new SqlCapture()) {
            long written = switch (via) {
                case COPY -> repo.copy(rows);
                case UNNEST -> repo.unnest(rows);
                case BATCH -> repo.batch(rows);
                case AUTO_SMALL_LIST -> repo.auto(rows);
                case AUTO_STREAM -> {
                    repo.autoStream(rows.stream());
                    yield rows.size();
                }
                case ONE_BY_ONE -> {
                    rows.forEach(repo::one);
                    yield rows.size();
                }
            };
            assertEquals(rows.size(), written);
            // AUTO takes UNNEST below its threshold and COPY for a stream, whose size it cannot know
            if (via == Via.AUTO_SMALL_LIST) {
                assertTrue(sql.statements("KindsRepository.auto").stream().allMatch(s -> s.contains("INSERT INTO kinds")),
                        sql.statements("KindsRepository.auto")::toString);
            }
            if (via == Via.AUTO_STREAM) {
                List<String> statements = sql.statements("KindsRepository.autoStream");
                assertEquals(1, statements.size(), statements::toString);
                assertTrue(statements.get(0).contains("COPY kinds"), statements::toString);
            }
        }
        List<Kinds> back = BulkJdbc.query(testDb, KindsSamples.SELECT, KindsSamples::read);
        assertEquals(rows.size(), back.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(KindsSamples.comparable(rows.get(i)), KindsSamples.comparable(back.get(i)),
                    "row " + rows.get(i).id() + " via " + via);
        }
    }

    @Test
    void autoCopiesACollectionFromAThousandRows() {
        List<Kinds> rows = KindsSamples.rows(995);
        assertEquals(1000, rows.size());
        try (SqlCapture sql = new SqlCapture()) {
            assertEquals(1000, repo.auto(rows));
            List<String> statements = sql.statements("KindsRepository.auto");
            assertEquals(1, statements.size(), statements::toString);
            assertTrue(statements.get(0).contains("COPY kinds"), statements::toString);
        }
        assertEquals(1000, testDb.queryLong("SELECT count(*) FROM kinds"));
        testDb.execute("TRUNCATE kinds");
        try (SqlCapture sql = new SqlCapture()) {
            assertEquals(999, repo.auto(rows.subList(0, 999)));
            assertTrue(sql.statements("KindsRepository.auto").get(0).contains("unnest("));
        }
    }

    @Test
    void aNegativeScaleIsWrittenAsTheSameNumber() {
        List<Kinds> rows = new ArrayList<>();
        long id = 1;
        for (String value : List.of("1E+5", "-2.5E+3", "1E+17")) {
            Kinds template = KindsSamples.rows(0).get(2);
            rows.add(new Kinds(id++, 0, null, 0, null, (short) 0, null, 0, null, 0, null, false, null, null,
                    new BigDecimal(value), null, null, null, null, null, null, null, template.feeling()));
        }
        repo.copy(rows.subList(0, 1));
        repo.unnest(rows.subList(1, 2));
        repo.batch(rows.subList(2, 3));
        List<BigDecimal> back = BulkJdbc.query(testDb, "SELECT d FROM kinds ORDER BY id", rs -> rs.getBigDecimal(1));
        assertEquals(List.of(new BigDecimal("100000"), new BigDecimal("-2500"), new BigDecimal("100000000000000000")),
                back);
    }
}
