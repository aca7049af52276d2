package dev.quarry.it.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code slowQueryThreshold}: a WARN per statement over it, with method and SQL, never the bound values. */
@PostgresTest
class SlowStatementsTest {
    private static final Logger SLOW = (Logger) LoggerFactory.getLogger("dev.quarry.sql.slow");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private static TestDatabase database;

    @BeforeAll
    static void schema(TestDatabase testDatabase) {
        database = testDatabase;
        database.execute(Entry.DDL);
        database.execute("INSERT INTO watched VALUES (1, 'a'), (2, 'b')");
    }

    @BeforeEach
    void capture() {
        events.start();
        SLOW.addAppender(events);
    }

    @AfterEach
    void release() {
        SLOW.detachAppender(events);
    }

    private List<ILoggingEvent> logged() {
        synchronized (events) {
            return List.copyOf(events.list);
        }
    }

    @Test
    void slowStatementIsLoggedOnceWithoutItsValuesAndAFastOneIsNot() {
        try (Database db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2)
                .slowQueryThreshold(Duration.ofMillis(100))
                .build()) {
            Watched repo = db.repository(Watched.class);

            assertEquals("quick-secret-value", repo.sleep(0, "quick-secret-value"));
            assertEquals(List.of(), logged());

            assertEquals("slow-secret-value", repo.sleep(0.3, "slow-secret-value"));

            List<ILoggingEvent> slow = logged();
            assertEquals(1, slow.size(), slow.toString());
            ILoggingEvent event = slow.get(0);
            assertEquals(Level.WARN, event.getLevel());
            String message = event.getFormattedMessage();
            assertTrue(message.startsWith("Watched.sleep took "), message);
            assertTrue(message.contains("over the 100.0 ms threshold (1 rows)"), message);
            assertTrue(message.endsWith("SELECT ?::text FROM pg_sleep(?)"), message);
            assertFalse(message.contains("slow-secret-value"), message);
            double millis = Double.parseDouble(message.substring("Watched.sleep took ".length(), message.indexOf(" ms")));
            assertTrue(millis >= 300, message);
        }
    }

    @Test
    void thresholdMustBePositive() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Database.builder().slowQueryThreshold(Duration.ZERO));
        assertEquals("slowQueryThreshold must be positive, was PT0S", zero.getMessage());
        assertThrows(NullPointerException.class, () -> Database.builder().slowQueryThreshold(null));
    }

    @Test
    void streamOpenLongerThanTheThresholdIsLoggedWhenClosed() throws Exception {
        try (Database db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2)
                .slowQueryThreshold(Duration.ofMillis(100))
                .build()) {
            Watched repo = db.repository(Watched.class);
            try (Stream<Entry> entries = repo.all()) {
                entries.findFirst();
                Thread.sleep(150);
            }
            List<ILoggingEvent> slow = logged();
            assertEquals(1, slow.size(), slow.toString());
            assertTrue(slow.get(0).getFormattedMessage().startsWith("Watched.all took "), slow.toString());
            assertTrue(slow.get(0).getFormattedMessage().contains("(1 rows)"), slow.toString());
        }
    }
}
