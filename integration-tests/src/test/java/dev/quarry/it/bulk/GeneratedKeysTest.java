package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Insert(returning = …)} of a column the record does not write, as a List of it or as one value. */
@PostgresTest
class GeneratedKeysTest {
    private static TestDatabase testDb;
    private static Database db;
    private static SignupRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Signup.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(SignupRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE signups RESTART IDENTITY");
    }

    private static List<Signup> shuffled(int count) {
        List<Signup> signups = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> new Signup("s" + i + "@x")).toList());
        Collections.shuffle(signups, new Random(11));
        return signups;
    }

    /** Each email's id as the table holds it, read with plain JDBC. */
    private static Map<String, Long> idsByEmail() {
        Map<String, Long> ids = new HashMap<>();
        BulkJdbc.query(testDb, "SELECT email, id FROM signups", rs -> ids.put(rs.getString(1), rs.getLong(2)));
        return ids;
    }

    @Test
    void idsOf25000RowsInThreeChunksComeBackInInputOrder() {
        // the sequence starts at a random-looking place and steps down, so ids and input order do not agree by luck
        testDb.execute("ALTER SEQUENCE signups_id_seq INCREMENT BY -3 MINVALUE -1000000 START WITH 500000 RESTART");
        try {
            List<Signup> signups = shuffled(25_000);
            List<Long> ids = repo.add(signups);
            assertEquals(25_000, ids.size());
            Map<String, Long> stored = idsByEmail();
            assertEquals(25_000, stored.size());
            for (int i = 0; i < signups.size(); i++) {
                assertEquals(stored.get(signups.get(i).email()), ids.get(i), "row " + i);
            }
        } finally {
            testDb.execute("ALTER SEQUENCE signups_id_seq INCREMENT BY 1 MINVALUE 1 START WITH 1 RESTART");
        }
    }

    @Test
    void idsFromAStreamInChunksOfSeven() {
        List<Signup> signups = shuffled(50);
        List<Long> ids = repo.addAll(signups.stream());
        Map<String, Long> stored = idsByEmail();
        for (int i = 0; i < signups.size(); i++) {
            assertEquals(stored.get(signups.get(i).email()), ids.get(i), "row " + i);
        }
    }

    @Test
    void anEmptyListWritesNothingAndReturnsNoIds() {
        assertEquals(List.of(), repo.add(List.of()));
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM signups"));
    }

    @Test
    void aDuplicateHalfWayWritesNothingAndReturnsNothing() {
        List<Signup> signups = new ArrayList<>(shuffled(25_000));
        signups.set(20_001, signups.get(3));
        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> repo.add(signups));
        assertTrue(e.getMessage().startsWith("SignupRepository.add: "), e.getMessage());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM signups"));
    }

    @Test
    void oneRecordReturnsItsGeneratedKey() {
        assertEquals(1L, repo.addOne(new Signup("a@x")));
        assertEquals(Long.valueOf(2), repo.addOneBoxed(new Signup("b@x")));
        assertEquals(Map.of("a@x", 1L, "b@x", 2L), idsByEmail());
    }

    @Test
    void oneRecordReturnsAnyGeneratedColumnOrARecordOfThem() {
        assertEquals(LocalDate.of(2024, 2, 29), repo.addOneJoinedOn(new Signup("a@x")));
        assertEquals(new Signup.Created(2, "b@x"), repo.addOneCreated(new Signup("b@x")));
    }

    @Test
    void aGeneratedNullIsNeverAZero() {
        assertNull(repo.addOneReferrerOrNull(new Signup("a@x")));
        DataException e = assertThrows(DataException.class, () -> repo.addOneReferrer(new Signup("b@x")));
        assertEquals("SignupRepository.addOneReferrer: column \"referrer\" is NULL but is read into a long; declare"
                + " the component or return type as the boxed type to accept NULL", e.getMessage());
        // the insert ran in the call's transaction, which the failure to read its result rolled back
        assertEquals(List.of("a@x"), BulkJdbc.query(testDb, "SELECT email FROM signups", rs -> rs.getString(1)));
    }

    @Test
    void aNullRecordIsRefusedBeforeAnySql() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> repo.addOne(null));
        assertTrue(e.getMessage().startsWith("SignupRepository.addOne: parameter 'signup' is null"), e.getMessage());
    }
}
