package dev.quarry.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.spring.app.Note;
import dev.quarry.spring.app.NoteService;
import dev.quarry.spring.app.Notes;
import dev.quarry.spring.app.NotesApplication;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Spring Boot application over the test database, with quarry-spring on its class path and no
 * Quarry configuration: repositories are beans, and Quarry calls take part in Spring's
 * transactions both ways.
 */
@PostgresTest
class SpringTransactionsTest {
    private static TestDatabase database;
    private static ConfigurableApplicationContext context;
    private static NoteService service;
    private static Notes notes;
    private static Database db;
    private static TransactionTemplate template;

    @BeforeAll
    static void start(TestDatabase testDatabase) {
        database = testDatabase;
        database.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)");
        context = new SpringApplicationBuilder(NotesApplication.class)
                .properties("spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.user(),
                        "spring.datasource.password=" + database.password(),
                        "spring.datasource.hikari.maximum-pool-size=4",
                        "spring.main.banner-mode=off")
                .run();
        service = context.getBean(NoteService.class);
        notes = context.getBean(Notes.class);
        db = context.getBean(Database.class);
        template = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @BeforeEach
    void empty() {
        database.execute("TRUNCATE notes");
    }

    @AfterEach
    void noConnectionLeftBorrowed() {
        assertEquals(0, borrowed());
    }

    private static int borrowed() {
        return ((HikariDataSource) context.getBean(DataSource.class)).getHikariPoolMXBean().getActiveConnections();
    }

    private static long rows() {
        return database.queryLong("SELECT count(*) FROM notes");
    }

    @Test
    void repositoriesAreSingletonBeansOfTheirTypeOverTheApplicationsDataSource() {
        assertSame(notes, service.notes());
        assertSame(db.repository(Notes.class), notes);
        assertSame(context.getBean(DataSource.class), db.dataSource());
        assertEquals("notes", context.getBeanNamesForType(Notes.class)[0]);
    }

    @Test
    void aSpringTransactionThatThrowsTakesBackAWriteABulkInsertAndAnUpsert() {
        assertThrows(IllegalStateException.class, () -> service.writeThree(1, true));
        assertEquals(0, rows());

        service.writeThree(1, false);
        assertEquals(List.of(new Note(1, "upserted"), new Note(2, "bulk"), new Note(3, "bulk"),
                new Note(4, "upserted")), notes.all());
    }

    @Test
    void outsideSpringTransactionsEachCallCommitsOnItsOwn() {
        notes.add(1, "alone");
        assertEquals(1, rows());
        assertNotEquals(notes.transactionId(), notes.transactionId());
    }

    @Test
    void springsIsolationAndReadOnlyApplyToQuarryCalls() {
        TransactionTemplate serializable = new TransactionTemplate(template.getTransactionManager());
        serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        serializable.setReadOnly(true);
        serializable.executeWithoutResult(status -> {
            assertEquals("serializable", notes.isolation());
            assertEquals("on", notes.readOnly());
            DataException refused = assertThrows(DataException.class, () -> notes.add(1, "refused"));
            assertEquals("25006", refused.sqlState());
            status.setRollbackOnly();
        });
        assertEquals(0, rows());
        assertEquals("read committed", notes.isolation());
    }

    @Test
    void quarrysTransactionInsideSpringsJoinsIt() {
        long[] ids = new long[2];
        assertThrows(IllegalStateException.class, () -> template.executeWithoutResult(status -> {
            ids[0] = notes.transactionId();
            ids[1] = db.transaction(() -> {
                notes.add(1, "inner");
                return notes.transactionId();
            });
            assertEquals(ids[0], notes.addTwo(2));
            throw new IllegalStateException("the Spring transaction fails after Quarry's committed");
        }));
        assertEquals(ids[0], ids[1]);
        assertEquals(0, rows(), "Quarry's joined transaction rolled back with Spring's");
    }

    @Test
    void springsTransactionInsideQuarrysJoinsIt() {
        long[] ids = new long[2];
        assertThrows(IllegalStateException.class, () -> db.transaction(Isolation.REPEATABLE_READ, () -> {
            ids[0] = notes.transactionId();
            ids[1] = service.transactionId(1);
            assertEquals("repeatable read", notes.isolation());
            throw new IllegalStateException("Quarry's transaction fails after Spring's committed");
        }));
        assertEquals(ids[0], ids[1]);
        assertEquals(0, rows());

        long outer = db.transaction(() -> {
            service.transactionId(1);
            return notes.transactionId();
        });
        assertNotEquals(0, outer);
        assertEquals(1, rows());
    }

    @Test
    void aStreamInsideASpringTransactionSeesItsUncommittedRows() {
        template.executeWithoutResult(status -> {
            notes.addAll(LongStream.rangeClosed(1, 5).mapToObj(i -> new Note(i, "uncommitted")).toList());
            try (Stream<Note> stream = notes.stream()) {
                assertEquals(5, stream.count());
            }
            status.setRollbackOnly();
        });
        assertEquals(0, rows());
    }

    @Test
    void aStreamOutsideReadsInItsOwnTransactionAndGivesItsConnectionBack() {
        notes.addAll(LongStream.rangeClosed(1, 5).mapToObj(i -> new Note(i, "committed")).toList());
        try (Stream<Note> stream = notes.stream()) {
            assertEquals(1, stream.limit(1).count());
            assertEquals(1, borrowed());
        }
        assertEquals(0, borrowed());
    }

    @Test
    void aCallMadeByTheInputOfACopyInsideASpringTransactionFailsAtOnceInsteadOfWaitingForIt() {
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(DataException.class,
                () -> template.executeWithoutResult(status -> {
                    notes.add(1, "first");
                    // the COPY holds Spring's connection; the lookup in map would wait for it, and it for the lookup
                    notes.load(Stream.of(2L, 3L).map(id -> new Note(id, "after " + notes.all().size())));
                })));
        assertEquals("Notes.all: cannot run while Notes.load runs a COPY on the same connection: the input of a "
                + "COPY (a map or peek of its stream) must not call the database; compute the rows before the call, "
                + "or write them with InsertStrategy.UNNEST", e.getMessage());
        assertEquals(0, rows());
    }

    @Test
    void aStreamOfASpringTransactionFeedingACopyOfItFailsAtOnceInsteadOfWaitingForIt() {
        notes.addAll(LongStream.rangeClosed(1, 5).mapToObj(i -> new Note(i, "committed")).toList());
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(DataException.class,
                () -> template.executeWithoutResult(status -> {
                    try (Stream<Note> source = notes.stream()) {
                        notes.load(source.map(n -> new Note(n.id() + 100, n.body())));
                    }
                })));
        assertTrue(e.getMessage().startsWith("Notes.stream: cannot read the stream while Notes.load runs a COPY on the "
                + "same transaction's connection"), e.getMessage());
        assertEquals(5, rows());
    }

    @Test
    void aBulkWriteInsideASpringTransactionKeepsItsAllOrNothingWithASavepoint() {
        template.executeWithoutResult(status -> {
            notes.add(1, "kept");
            DataException duplicate = assertThrows(DataException.class,
                    () -> notes.load(Stream.of(new Note(2, "lost"), new Note(1, "duplicate"))));
            assertEquals("23505", duplicate.sqlState());
            notes.add(3, "after");
        });
        assertEquals(List.of(new Note(1, "kept"), new Note(3, "after")), notes.all());
    }

    @Test
    void quarrysOwnTransactionsRunAsSpringTransactions() {
        DataException failure = assertThrows(DataException.class, () -> db.transaction(() -> {
            notes.add(1, "first");
            return notes.add(1, "duplicate");
        }));
        assertInstanceOf(UniqueViolationException.class, failure);
        assertEquals(0, rows());

        // a failure the work caught still aborted the transaction: its commit is refused, not silent
        DataException aborted = assertThrows(DataException.class, () -> db.transaction(() -> {
            notes.add(1, "first");
            assertThrows(UniqueViolationException.class, () -> notes.add(1, "duplicate"));
            return null;
        }));
        assertEquals("25P02", aborted.sqlState());
        assertInstanceOf(UniqueViolationException.class, aborted.getCause());
        assertEquals(0, rows());
        // a @Transactional default method: both rows in one Spring transaction
        long transaction = notes.addTwo(3);
        assertEquals(2, database.queryLong("SELECT count(*) FROM notes WHERE xmin::text::bigint = "
                + (transaction & 0xFFFFFFFFL)));
    }

    @Test
    void aJoinedQuarryTransactionStricterThanSpringsIsRefused() {
        TransactionTemplate readOnly = new TransactionTemplate(template.getTransactionManager());
        readOnly.setReadOnly(true);
        DataException write = assertThrows(DataException.class,
                () -> readOnly.executeWithoutResult(status -> notes.addTwo(1)));
        assertEquals("cannot run a read-write transaction inside a read-only Spring transaction", write.getMessage());

        DataException stricter = assertThrows(DataException.class, () -> template.executeWithoutResult(status ->
                db.transaction(Isolation.SERIALIZABLE, () -> notes.add(1, "never"))));
        assertEquals("cannot run a SERIALIZABLE transaction inside a Spring transaction at READ_COMMITTED: the "
                + "isolation level is fixed when a transaction begins", stricter.getMessage());
        assertEquals(0, rows());
    }

    @Test
    void quarrysRetriesRunAroundSpringTransactionsItBegins() {
        notes.add(1, "counter");
        int[] attempts = {0};
        db.transaction(Isolation.SERIALIZABLE, 3, () -> {
            attempts[0]++;
            notes.all();
            if (attempts[0] == 1) {
                // another transaction changes what this one read; this one's write then cannot serialize
                database.execute("UPDATE notes SET body = 'changed' WHERE id = 1");
            }
            notes.save(List.of(new Note(1, "attempt " + attempts[0])));
            return null;
        });
        assertEquals(2, attempts[0]);
        assertEquals(List.of(new Note(1, "attempt 2")), notes.all());
    }
}
