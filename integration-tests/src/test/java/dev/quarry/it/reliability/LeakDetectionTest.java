package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.PoolTimeoutException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A stream that is never closed keeps its connection. With HikariCP's leak detection on, the
 * pool reports it, and the stack trace of the report leads to the repository method that
 * opened the stream.
 */
@PostgresTest
class LeakDetectionTest {
    private static final String APP = "quarry-leak";
    /** The smallest threshold HikariCP honours. */
    private static final Duration THRESHOLD = Duration.ofSeconds(2);
    private static final Logger LEAKS = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari.pool.ProxyLeakTask");

    private ListAppender<ILoggingEvent> events;
    private Level levelBefore;

    @BeforeAll
    static void schema(TestDatabase testDb) {
        testDb.execute(Entry.DDL);
    }

    @BeforeEach
    void capture() {
        levelBefore = LEAKS.getLevel();
        // INFO as well as WARN: the pool says at INFO when a reported connection comes back
        LEAKS.setLevel(Level.INFO);
        events = new ListAppender<>();
        events.start();
        LEAKS.addAppender(events);
    }

    @AfterEach
    void release() {
        LEAKS.detachAppender(events);
        LEAKS.setLevel(levelBefore);
    }

    private List<ILoggingEvent> reports(Level level) {
        synchronized (events.list) {
            return events.list.stream().filter(e -> e.getLevel() == level).toList();
        }
    }

    @Test
    void aStreamNeverClosedIsReportedWithTheMethodThatOpenedIt(TestDatabase testDb) {
        try (Database db = Backends.builder(testDb, APP, 2).leakDetectionThreshold(THRESHOLD).build()) {
            Faults repo = db.repository(Faults.class);
            // calls and streams that give their connection back are never reported
            assertTrue(repo.backendPid() > 0);
            try (Stream<Faults.Tick> closed = repo.ticks(5)) {
                assertEquals(5, closed.count());
            }

            Stream<Faults.Tick> forgotten = repo.ticks(100);
            assertEquals(1, forgotten.iterator().next().n());
            assertEquals(1, Backends.active(db));
            Backends.await(THRESHOLD.plusSeconds(3), () -> !reports(Level.WARN).isEmpty(),
                    () -> "no leak reported");

            List<ILoggingEvent> leaks = reports(Level.WARN);
            assertEquals(1, leaks.size(), leaks::toString);
            ILoggingEvent leak = leaks.get(0);
            assertTrue(leak.getFormattedMessage().startsWith("Connection leak detection triggered for "),
                    leak.getFormattedMessage());
            assertTrue(leak.getFormattedMessage().contains("on thread " + Thread.currentThread().getName()),
                    leak.getFormattedMessage());
            IThrowableProxy trace = leak.getThrowableProxy();
            assertNotNull(trace);
            assertEquals("Apparent connection leak detected", trace.getMessage());
            List<String> frames = Arrays.stream(trace.getStackTraceElementProxyArray())
                    .map(StackTraceElementProxy::getStackTraceElement)
                    .map(f -> f.getClassName() + "." + f.getMethodName())
                    .toList();
            // the generated method that borrowed the connection, and the caller that forgot it
            assertTrue(frames.contains(Faults.class.getName() + "_Impl.ticks"), frames::toString);
            assertTrue(frames.contains(LeakDetectionTest.class.getName()
                    + ".aStreamNeverClosedIsReportedWithTheMethodThatOpenedIt"), frames::toString);

            forgotten.close();
            assertEquals(0, Backends.active(db));
            List<ILoggingEvent> returned = reports(Level.INFO);
            assertEquals(1, returned.size(), returned::toString);
            assertTrue(returned.get(0).getFormattedMessage().startsWith("Previously reported leaked connection "),
                    returned.get(0).getFormattedMessage());
            assertTrue(returned.get(0).getFormattedMessage().endsWith("was returned to the pool (unleaked)"),
                    returned.get(0).getFormattedMessage());
        }
    }

    /**
     * What a leak does without detection: while a forgotten stream holds the only connection,
     * other calls wait out the connection timeout and fail with a {@link PoolTimeoutException}
     * naming their method; once the stream is closed they work again.
     */
    @Test
    void aForgottenStreamStarvesThePoolUntilItIsClosed(TestDatabase testDb) {
        Duration timeout = Duration.ofMillis(500);
        try (Database db = Backends.builder(testDb, APP, 1).connectionTimeout(timeout).build()) {
            Faults repo = db.repository(Faults.class);
            Stream<Faults.Tick> forgotten = repo.ticks(100);
            assertEquals(1, forgotten.iterator().next().n());

            long start = System.nanoTime();
            PoolTimeoutException e = assertThrows(PoolTimeoutException.class, repo::count);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(timeout) >= 0 && took.compareTo(timeout.plusSeconds(2)) < 0, "took " + took);
            assertEquals("Faults.count", e.method());
            assertTrue(e.getMessage().startsWith("Faults.count: quarry - Connection is not available, request timed "
                    + "out after "), e.getMessage());
            assertTrue(e.getMessage().contains("(total=1, active=1, idle=0, waiting=0)"), e.getMessage());
            assertTrue(e.getMessage().contains("the pool is exhausted"), e.getMessage());
            assertEquals(1, e.maximumPoolSize());
            assertEquals(timeout, e.connectionTimeout());
            assertEquals(1, Backends.active(db));

            forgotten.close();
            assertEquals(0, repo.count());
            assertEquals(0, Backends.active(db));
        }
    }
}
