package dev.quarry.it.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.NoResultException;
import dev.quarry.runtime.SerializationFailureException;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One Micrometer observation per repository call, with the tags the metrics and traces rely on. */
@PostgresTest
class ObservationsTest {
    private static final TestObservationRegistry registry = TestObservationRegistry.create();
    /** Contexts in the order their observations stopped. */
    private static final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private static TestDatabase testDb;
    private static Database db;
    private static Watched repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        testDb = database;
        database.execute(Entry.DDL);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(4)
                .observationRegistry(registry)
                .build();
        repo = db.repository(Watched.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void clean() {
        testDb.execute("TRUNCATE watched");
        forget();
    }

    private static void forget() {
        registry.clear();
        stopped.clear();
    }

    /** Every observation of {@code name} that stopped, in the order they stopped; each started and stopped once. */
    private static List<Observation.Context> observed(String name) {
        List<Observation.Context> started = new ArrayList<>();
        registry.assertThat().hasHandledContextsThatSatisfy(all -> all.stream()
                .filter(c -> c.getName().equals(name)).forEach(started::add));
        List<Observation.Context> ended = stopped.stream().filter(c -> c.getName().equals(name)).toList();
        assertEquals(started.size(), ended.size(), "every observation started is stopped: " + started);
        return ended;
    }

    private static String low(Observation.Context context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    private static String high(Observation.Context context, String key) {
        KeyValue value = context.getHighCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    @Test
    void queryIsOneObservationNamedByRepositoryAndMethod() {
        testDb.execute("INSERT INTO watched VALUES (1, 'one')");

        assertEquals(Optional.of("one"), repo.label(1));

        List<Observation.Context> calls = observed("quarry.query");
        assertEquals(1, calls.size(), "one observation per call: " + calls);
        Observation.Context call = calls.get(0);
        assertEquals("Watched", low(call, "repository"));
        assertEquals("label", low(call, "method"));
        assertEquals("success", low(call, "outcome"));
        assertEquals("SELECT label FROM watched WHERE id = ?", high(call, "sql"));
        assertEquals("1", high(call, "rows"));
        assertEquals("Watched.label", call.getContextualName());
        assertNull(call.getError());
        assertEquals(List.of(), observed("quarry.transaction"));
    }

    @Test
    void failingQueryHasTheExceptionAsItsOutcome() {
        NoResultException none = assertThrows(NoResultException.class, () -> repo.labelOf(404));
        testDb.execute("INSERT INTO watched VALUES (1, 'one')");
        assertThrows(UniqueViolationException.class, () -> repo.add(1, "again"));

        List<Observation.Context> calls = observed("quarry.query");
        assertEquals(2, calls.size(), calls.toString());
        assertEquals("labelOf", low(calls.get(0), "method"));
        assertEquals("NoResultException", low(calls.get(0), "outcome"));
        assertSame(none, calls.get(0).getError());
        assertEquals("add", low(calls.get(1), "method"));
        assertEquals("UniqueViolationException", low(calls.get(1), "outcome"));
        assertInstanceOf(UniqueViolationException.class, calls.get(1).getError());
        assertEquals("INSERT INTO watched (id, label) VALUES (?, ?)", high(calls.get(1), "sql"));
    }

    @Test
    void streamEndsItsObservationWhenClosedEarly() throws Exception {
        repo.addAll(List.of(new Entry(1, "a"), new Entry(2, "b"), new Entry(3, "c"), new Entry(4, "d"),
                new Entry(5, "e")));
        forget();

        try (Stream<Entry> entries = repo.all()) {
            assertEquals(Optional.of(new Entry(1, "a")), entries.findFirst());
            registry.assertThat().hasNumberOfObservationsWithNameEqualTo("quarry.query", 1);
            assertEquals(List.of(), stopped, "the stream's observation ends when it is closed");
        }

        List<Observation.Context> calls = observed("quarry.query");
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("all", low(calls.get(0), "method"));
        assertEquals("success", low(calls.get(0), "outcome"));
        assertEquals("1", high(calls.get(0), "rows"));
        assertEquals(0, db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections());
    }

    @Test
    void streamReadToTheEndEndsItsObservationOnce() {
        repo.addAll(List.of(new Entry(1, "a"), new Entry(2, "b"), new Entry(3, "c")));
        forget();

        try (Stream<Entry> entries = repo.all()) {
            assertEquals("a,b,c", entries.map(Entry::label).collect(Collectors.joining(",")));
        }

        List<Observation.Context> calls = observed("quarry.query");
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("3", high(calls.get(0), "rows"));
        assertEquals("success", low(calls.get(0), "outcome"));
    }

    @Test
    void streamThatFailsEndsItsObservationWithTheFailure() throws Exception {
        repo.addAll(List.of(new Entry(1, "a"), new Entry(2, "b"), new Entry(3, "c"), new Entry(4, "d")));
        forget();

        DataException failure;
        try (Stream<Entry> entries = repo.failingAtThree()) {
            failure = assertThrows(DataException.class, () -> entries.forEach(e -> { }));
        }

        assertEquals("22012", failure.sqlState());
        List<Observation.Context> calls = observed("quarry.query");
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("failingAtThree", low(calls.get(0), "method"));
        assertEquals("DataException", low(calls.get(0), "outcome"));
        assertSame(failure, calls.get(0).getError());
        assertEquals("2", high(calls.get(0), "rows"));
        assertEquals(0, db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections());
    }

    @Test
    void bulkInsertRecordsTheRowsItWrote() {
        assertEquals(3, repo.addAll(List.of(new Entry(1, "a"), new Entry(2, "b"), new Entry(3, "c"))));
        assertEquals(2, repo.copyAll(List.of(new Entry(4, "d"), new Entry(5, "e"))));
        assertEquals(0, repo.addAll(List.of()));

        List<Observation.Context> calls = observed("quarry.query");
        assertEquals(3, calls.size(), calls.toString());
        assertEquals("addAll", low(calls.get(0), "method"));
        assertEquals("success", low(calls.get(0), "outcome"));
        assertEquals("3", high(calls.get(0), "rows"));
        assertEquals("copyAll", low(calls.get(1), "method"));
        assertEquals("2", high(calls.get(1), "rows"));
        assertEquals("0", high(calls.get(2), "rows"));
        assertEquals("success", low(calls.get(2), "outcome"));
        // the bulk write's own transaction is part of its call, not a transaction of the application's
        assertEquals(List.of(), observed("quarry.transaction"));
    }

    @Test
    void failedBulkInsertHasTheExceptionAsItsOutcome() {
        testDb.execute("INSERT INTO watched VALUES (2, 'b')");

        assertThrows(UniqueViolationException.class, () -> repo.addAll(List.of(new Entry(1, "a"), new Entry(2, "b"))));

        List<Observation.Context> calls = observed("quarry.query");
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("UniqueViolationException", low(calls.get(0), "outcome"));
    }

    @Test
    void asyncCallIsObservedAsAChildOfTheCaller() throws Exception {
        testDb.execute("INSERT INTO watched VALUES (1, 'one')");

        Optional<String> label = Observation.createNotStarted("caller", registry)
                .observeChecked(() -> repo.labelAsync(1).get());

        assertEquals(Optional.of("one"), label);
        List<Observation.Context> calls = observed("quarry.query");
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("labelAsync", low(calls.get(0), "method"));
        assertEquals("success", low(calls.get(0), "outcome"));
        assertEquals("caller", calls.get(0).getParentObservation().getContextView().getName());
    }

    @Test
    void retriedTransactionIsOneObservationWithItsAttempts() {
        AtomicInteger attempt = new AtomicInteger();

        int result = db.transaction(Isolation.SERIALIZABLE, 3, () -> repo.conflictUntilThird(attempt.incrementAndGet()));

        assertEquals(3, result);
        List<Observation.Context> transactions = observed("quarry.transaction");
        assertEquals(1, transactions.size(), transactions.toString());
        Observation.Context tx = transactions.get(0);
        assertEquals("success", low(tx, "outcome"));
        assertEquals("3", high(tx, "attempts"));
        List<Observation.Context> calls = observed("quarry.query");
        assertEquals(List.of("SerializationFailureException", "SerializationFailureException", "success"),
                calls.stream().map(c -> low(c, "outcome")).toList());
        for (Observation.Context call : calls) {
            assertSame(tx, call.getParentObservation().getContextView(), "each attempt's call is inside the transaction");
        }
    }

    @Test
    void transactionThatGivesUpHasTheFailureAsItsOutcome() {
        AtomicInteger attempt = new AtomicInteger();

        assertThrows(SerializationFailureException.class,
                () -> db.transaction(Isolation.SERIALIZABLE, 1, () -> repo.conflictUntilThird(attempt.incrementAndGet())));

        List<Observation.Context> transactions = observed("quarry.transaction");
        assertEquals(1, transactions.size(), transactions.toString());
        assertEquals("SerializationFailureException", low(transactions.get(0), "outcome"));
        assertEquals("2", high(transactions.get(0), "attempts"));
        assertTrue(transactions.get(0).getError() instanceof SerializationFailureException);
    }

    @Test
    void transactionWhoseWorkThrowsACheckedExceptionNamesIt() {
        java.io.IOException thrown = new java.io.IOException("disk full");

        assertThrows(RuntimeException.class, () -> db.transaction(() -> {
            repo.add(7, "seven");
            throw thrown;
        }));

        List<Observation.Context> transactions = observed("quarry.transaction");
        assertEquals(1, transactions.size(), transactions.toString());
        assertEquals("IOException", low(transactions.get(0), "outcome"));
        assertEquals("none", low(transactions.get(0), "method"));
        assertSame(thrown, transactions.get(0).getError());
        assertEquals(List.of("success"), observed("quarry.query").stream().map(c -> low(c, "outcome")).toList());
        assertEquals(0L, testDb.queryLong("SELECT count(*) FROM watched"), "rolled back");
    }
}
