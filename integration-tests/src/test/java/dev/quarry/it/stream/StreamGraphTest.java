package dev.quarry.it.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Streamed parents get their relations per fetch-size chunk: the same graph, 1 + tiers × chunks statements. */
@PostgresTest
class StreamGraphTest {
    static Database db;
    static StreamGraph repo;
    final ListAppender<ILoggingEvent> statements = new ListAppender<>();
    final Logger sqlLog = (Logger) LoggerFactory.getLogger("dev.quarry.sql");
    Level level;

    @BeforeAll
    static void setUp(TestDatabase database) {
        database.execute("""
                CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers);
                CREATE TABLE lines (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders, sku text NOT NULL);
                INSERT INTO customers SELECT g, 'customer-' || g FROM generate_series(1, 100) g;
                INSERT INTO orders SELECT g, 1 + (g * 7) % 97 FROM generate_series(1, 300) g;
                INSERT INTO lines SELECT g, 1 + (g * 11) % 290, 'sku-' || g FROM generate_series(1, 900) g;
                """);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        repo = db.repository(StreamGraph.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void countStatements() {
        level = sqlLog.getLevel();
        sqlLog.setLevel(Level.DEBUG);
        statements.start();
        sqlLog.addAppender(statements);
    }

    @AfterEach
    void stopCounting() {
        sqlLog.detachAppender(statements);
        sqlLog.setLevel(level);
    }

    @Test
    void aStreamOfParentsLoadsChildrenPerChunkAndEqualsTheList() throws SQLException {
        List<StreamGraph.Customer> expected = repo.list();
        statements.list.clear();
        List<StreamGraph.Customer> streamed;
        try (Stream<StreamGraph.Customer> stream = repo.stream()) {
            streamed = stream.toList();
        }
        assertEquals(expected, streamed);
        // 100 parents in chunks of 40 = 3 chunks, 2 tiers each, plus the cursor itself
        assertEquals(1 + 2 * 3, statements.list.size());
        assertEquals(0, db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections());
    }

    @Test
    void partitionsOfParentsWithRelations() {
        List<StreamGraph.Customer> expected = repo.list();
        try (Stream<List<StreamGraph.Customer>> chunks = repo.chunks()) {
            List<List<StreamGraph.Customer>> all = chunks.toList();
            assertEquals(List.of(40, 40, 20), all.stream().map(List::size).toList());
            assertEquals(expected, all.stream().flatMap(List::stream).toList());
        }
    }

    @Test
    void closingEarlyStopsLoading() {
        statements.list.clear();
        try (Stream<StreamGraph.Customer> stream = repo.stream()) {
            assertEquals(5, stream.limit(5).count());
        }
        // one chunk was read and assembled: the cursor and its two tiers
        assertEquals(3, statements.list.size());
    }
}
