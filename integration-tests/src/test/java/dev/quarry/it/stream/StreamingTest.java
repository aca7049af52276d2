package dev.quarry.it.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server-side cursors: results equal the SQL aggregates, and the connection comes back whatever happens. */
@PostgresTest
class StreamingTest {
    static final int ROWS = 1_000_000;

    static Database db;
    static Database single;
    static StreamRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        database.execute("""
                CREATE TABLE items (id bigint PRIMARY KEY, grp int NOT NULL, amount numeric(12,2) NOT NULL, label text NOT NULL);
                INSERT INTO items SELECT g, g %% 97, (g %% 1000) / 10.0, 'item-' || g FROM generate_series(1, %d) g;
                CREATE TABLE nullable_items (id bigint PRIMARY KEY, grp int);
                INSERT INTO nullable_items SELECT g, CASE WHEN g = 5 THEN NULL ELSE g END FROM generate_series(1, 20) g;
                CREATE TABLE notes (id bigserial PRIMARY KEY, body text NOT NULL);
                ANALYZE items;
                """.formatted(ROWS));
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(4).build();
        single = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(1).connectionTimeout(Duration.ofMillis(500)).build();
        repo = db.repository(StreamRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
        single.close();
    }

    @Test
    void streamsAMillionRowsWithTheSameCountAndSumsAsSql(TestDatabase database) throws SQLException {
        long count = 0;
        long idSum = 0;
        BigDecimal amountSum = BigDecimal.ZERO;
        try (Stream<StreamRepository.Item> items = repo.all()) {
            Iterator<StreamRepository.Item> it = items.iterator();
            while (it.hasNext()) {
                StreamRepository.Item item = it.next();
                count++;
                idSum += item.id();
                amountSum = amountSum.add(item.amount());
            }
        }
        assertEquals(ROWS, count);
        assertEquals(database.queryLong("SELECT sum(id) FROM items"), idSum);
        try (Connection c = database.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(amount) FROM items")) {
            rs.next();
            assertEquals(0, rs.getBigDecimal(1).compareTo(amountSum));
        }
        assertEquals(0, active(db));
    }

    @Test
    void partitionsHaveTheFetchSizeExceptTheLastAndConcatenateToTheWholeResult() {
        List<List<StreamRepository.Item>> partitions;
        try (Stream<List<StreamRepository.Item>> stream = repo.partitionsUpTo(25_500)) {
            partitions = stream.toList();
        }
        assertEquals(List.of(10_000, 10_000, 5_500), partitions.stream().map(List::size).toList());
        List<StreamRepository.Item> all = partitions.stream().flatMap(List::stream).toList();
        assertEquals(repo.listUpTo(25_500), all);
    }

    @Test
    void partitionsOfScalarsAndAnExactMultiple() {
        try (Stream<List<Long>> stream = repo.idPartitions(14)) {
            assertEquals(List.of(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), List.of(8L, 9L, 10L, 11L, 12L, 13L, 14L)),
                    stream.toList());
        }
    }

    @Test
    void noRowsMeansNoPartitionAndAnEmptyStream() {
        try (Stream<List<StreamRepository.Item>> stream = repo.partitionsUpTo(0)) {
            assertEquals(0, stream.count());
        }
        try (Stream<Long> stream = repo.ids(0)) {
            assertEquals(List.of(), stream.toList());
        }
    }

    @Test
    void closingAPartlyReadStreamGivesTheOnlyConnectionBack() {
        StreamRepository one = single.repository(StreamRepository.class);
        try (Stream<Long> ids = one.ids(ROWS)) {
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), ids.limit(10).toList());
        }
        // with a pool of one and a 500 ms timeout, this fails if the stream kept its connection
        assertEquals(ROWS, one.count());
    }

    @Test
    void aMappingFailureMidStreamClosesEverythingAndNamesTheColumn() throws SQLException {
        StreamRepository one = single.repository(StreamRepository.class);
        List<Long> seen = new ArrayList<>();
        DataException e;
        try (Stream<StreamRepository.StrictItem> items = one.strict()) {
            e = assertThrows(DataException.class, () -> items.forEach(i -> seen.add(i.id())));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), seen);
        assertTrue(e.getMessage().contains("StreamRepository.strict"), e.getMessage());
        assertTrue(e.getMessage().contains("\"grp\" is NULL"), e.getMessage());
        assertEquals(0, active(single));
        assertEquals(ROWS, one.count());
    }

    @Test
    void aStreamReadToTheEndGivesTheConnectionBackBeforeClose() throws SQLException {
        Stream<Long> ids = repo.ids(3);
        assertEquals(List.of(1L, 2L, 3L), ids.toList());
        assertEquals(0, active(db));
        ids.close();
    }

    @Test
    void outsideATransactionTheCursorRunsInAReadOnlyTransactionAndAutocommitComesBack(TestDatabase database) {
        StreamRepository one = single.repository(StreamRepository.class);
        try (Stream<String> setting = one.readOnlySetting()) {
            assertEquals(List.of("on"), setting.toList());
        }
        // the same (only) connection writes next; the write must be committed, not left in a transaction
        assertEquals(1, one.addNote("after a stream"));
        assertEquals(1, database.queryLong("SELECT count(*) FROM notes WHERE body = 'after a stream'"));
    }

    @Test
    void insideATransactionTheStreamReadsOnTheTransactionsConnection(TestDatabase database) {
        List<String> seen = db.transaction(() -> {
            repo.addNote("uncommitted");
            try (Stream<String> notes = repo.notes()) {
                return notes.filter(n -> n.equals("uncommitted")).collect(Collectors.toList());
            }
        });
        assertEquals(List.of("uncommitted"), seen);
        assertEquals(1, database.queryLong("SELECT count(*) FROM notes WHERE body = 'uncommitted'"));
    }

    @Test
    void aStreamOpenedInATransactionThatRollsBackLeavesNothing(TestDatabase database) {
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            repo.addNote("rolled back");
            try (Stream<String> notes = repo.notes()) {
                assertFalse(notes.noneMatch(n -> n.equals("rolled back")));
            }
            throw new IllegalStateException("undo");
        }));
        assertEquals(0, database.queryLong("SELECT count(*) FROM notes WHERE body = 'rolled back'"));
        assertEquals(0, activeQuietly(db));
    }

    private static int active(Database database) throws SQLException {
        return database.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
    }

    private static int activeQuietly(Database database) {
        try {
            return active(database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
