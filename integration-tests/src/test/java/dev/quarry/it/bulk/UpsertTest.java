package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PostgresTest
class UpsertTest {
    private static TestDatabase testDb;
    private static Database db;
    private static MemberRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Member.DDL);
        db = BulkJdbc.open(database, 4);
        repo = db.repository(MemberRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE members, tags");
    }

    private static Member member(String email, String name, String status, int visits) {
        return new Member(email, name, status, visits, Instant.EPOCH);
    }

    /** email, name, status, visits of every row, by email. */
    private static List<String> members() {
        return BulkJdbc.query(testDb, "SELECT email, name, status, visits FROM members ORDER BY email",
                rs -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getInt(4));
    }

    private static OffsetDateTime updatedAt(String email) {
        return BulkJdbc.query(testDb, "SELECT updated_at FROM members WHERE email = '" + email + "'",
                rs -> rs.getObject(1, OffsetDateTime.class)).get(0);
    }

    @Test
    void duplicateKeysInOneCallKeepTheLastRow() {
        // one statement proposing a@x twice would fail with SQLSTATE 21000
        long written = repo.upsertAll(List.of(member("a@x", "A1", "new", 1), member("b@x", "B1", "new", 1),
                member("a@x", "A2", "new", 2), member("c@x", "C1", "new", 1), member("a@x", "A3", "gone", 3)));
        assertEquals(3, written);
        assertEquals(List.of("a@x/A3/gone/3", "b@x/B1/new/1", "c@x/C1/new/1"), members());
    }

    @Test
    void duplicateKeysAcrossChunksOfAStream() {
        long written = repo.upsertInPairs(List.of(member("a@x", "A", "s1", 1), member("a@x", "A", "s2", 2),
                member("b@x", "B", "s1", 1), member("a@x", "A", "s3", 3), member("b@x", "B", "s2", 2)).stream());
        // chunks [a,a] → 1 row, [b,a] → 2 rows, [b] → 1 row
        assertEquals(4, written);
        assertEquals(List.of("a@x/A/s3/3", "b@x/B/s2/2"), members());
    }

    @Test
    void aRerunUpdatesOnlyTheUpdateColumnsAndTouches() throws InterruptedException {
        assertEquals(2, repo.upsertStatus(List.of(member("a@x", "Ann", "new", 1), member("b@x", "Bob", "new", 1))));
        OffsetDateTime firstA = updatedAt("a@x");
        OffsetDateTime firstB = updatedAt("b@x");
        // the record's updatedAt (the epoch) is not used: touched columns take now(), on insert too
        assertTrue(firstA.toInstant().isAfter(Instant.now().minusSeconds(60)), firstA::toString);
        Thread.sleep(20);

        assertEquals(2, repo.upsertStatus(List.of(member("a@x", "Changed", "active", 99), member("c@x", "Cy", "new", 1))));
        assertEquals(List.of("a@x/Ann/active/1", "b@x/Bob/new/1", "c@x/Cy/new/1"), members());
        assertTrue(updatedAt("a@x").isAfter(firstA), () -> updatedAt("a@x") + " after " + firstA);
        assertEquals(firstB, updatedAt("b@x"));
    }

    @Test
    void doNothingKeepsExistingRows() {
        repo.upsertAll(List.of(member("a@x", "Ann", "new", 1)));
        assertEquals(1, repo.insertMissing(List.of(member("a@x", "Other", "other", 5), member("b@x", "Bob", "new", 1))));
        assertEquals(List.of("a@x/Ann/new/1", "b@x/Bob/new/1"), members());
    }

    @Test
    void returningGivesTheRowsWrittenInKeyOrder() {
        repo.upsertAll(List.of(member("b@x", "Bob", "new", 1)));
        List<Member.Key> keys = repo.upsertReturning(List.of(member("c@x", "Cy", "new", 1),
                member("b@x", "Bob", "active", 1), member("a@x", "Ann", "new", 1), member("c@x", "Cy", "late", 1)));
        assertEquals(List.of(new Member.Key("a@x", "new"), new Member.Key("b@x", "active"), new Member.Key("c@x", "late")),
                keys);
    }

    @Test
    void rowsWithANullKeyAreNeverMerged() {
        assertEquals(3, repo.upsertTags(List.of(new Tag(null, "x"), new Tag("a", "1"), new Tag(null, "y"),
                new Tag("a", "2"))));
        assertEquals(List.of("a=2", "null=x", "null=y"), BulkJdbc.query(testDb,
                "SELECT coalesce(code, 'null') || '=' || label FROM tags ORDER BY 1", rs -> rs.getString(1)));
    }

    @Test
    void concurrentUpsertsInOppositeOrdersDoNotDeadlock() throws Exception {
        int keys = 2_000;
        int rounds = 20;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String thread : List.of("up", "down")) {
                done.add(threads.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        int r = round;
                        List<Member> rows = new ArrayList<>(IntStream.range(0, keys)
                                .mapToObj(k -> member("user" + k + "@x", "U" + k, thread + "-" + r, r)).toList());
                        if (thread.equals("down")) {
                            Collections.reverse(rows);
                        }
                        start.await(30, TimeUnit.SECONDS);
                        // each call holds its row locks until it commits; unsorted, the two would deadlock (40P01)
                        assertEquals(keys, repo.upsertStatus(rows));
                    }
                    return null;
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<?> f : done) {
                try {
                    f.get(120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
            assertEquals(List.of(), failures);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(String.valueOf(keys), "0"), BulkJdbc.row(testDb,
                "SELECT count(*), count(*) FILTER (WHERE status NOT IN ('up-19', 'down-19')) FROM members"));
    }
}
