package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RETURNING rows come back in input order, across chunks. */
@PostgresTest
class ReturningTest {
    private static TestDatabase testDb;
    private static Database db;
    private static TicketRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Ticket.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(TicketRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE tickets RESTART IDENTITY");
    }

    private static List<Long> shuffledIds(int count) {
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, count).boxed().toList());
        Collections.shuffle(ids, new Random(7));
        return ids;
    }

    @Test
    void idsInInputOrder() {
        List<Long> ids = shuffledIds(5_000);
        List<Ticket> tickets = ids.stream().map(id -> new Ticket(id, "t" + id)).toList();
        assertEquals(ids, repo.insertReturningIds(tickets));
        assertEquals(5_000, testDb.queryLong("SELECT count(*) FROM tickets"));
    }

    @Test
    void recordsInInputOrderByComponentName() {
        List<Ticket> tickets = shuffledIds(3_000).stream().map(id -> new Ticket(id, "subject " + id)).toList();
        assertEquals(tickets, repo.insertReturningRows(tickets));
    }

    @Test
    void generatedKeysInInputOrder() {
        List<Ticket.New> tickets = shuffledIds(4_500).stream().map(n -> new Ticket.New("new " + n)).toList();
        List<Ticket.Created> created = repo.create(tickets);
        assertEquals(tickets.size(), created.size());
        for (int i = 0; i < tickets.size(); i++) {
            assertEquals(tickets.get(i).title(), created.get(i).title());
            // the sequence hands out keys in the order rows are inserted, which is input order
            assertEquals(i + 1, created.get(i).id());
        }
        assertEquals(List.of("4500", "4500"), BulkJdbc.row(testDb, "SELECT count(*), count(DISTINCT title) FROM tickets"));
    }

    @Test
    void oneRecord() {
        List<Ticket.Created> first = repo.createOne(new Ticket.New("single"));
        List<Ticket.Created> second = repo.createOne(new Ticket.New("another"));
        assertEquals(List.of(new Ticket.Created(1, "single")), first);
        assertEquals(List.of(new Ticket.Created(2, "another")), second);
    }
}
