package dev.quarry.it.durations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code java.time.Duration} ↔ {@code interval}: exact to the microsecond both ways, days read as
 * 24 hours; months (which have no fixed length) refused on read, sub-microsecond parts refused on
 * write, each naming the column or parameter.
 */
@PostgresTest
class DurationTest {
    private static TestDatabase testDb;
    private static Database db;
    private static Timings repo;

    /** Values that are awkward for an interval: negative, mixed, more than a day, centuries, the smallest unit. */
    private static final List<Duration> SAMPLES = List.of(
            Duration.ZERO,
            Duration.ofNanos(1_000),
            Duration.ofSeconds(-5, 250_000_000),
            Duration.ofHours(25).plusMinutes(61).plusNanos(999_999_000),
            Duration.ofDays(36_500).plusSeconds(1).plusNanos(1_000),
            Duration.ofDays(-36_500).minusNanos(7_000));

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Timing.DDL);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        repo = db.repository(Timings.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE timings");
    }

    private static List<Timing> timings() {
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < SAMPLES.size(); i++) {
            timings.add(new Timing(i, i % 2 == 0 ? null : SAMPLES.get(i), SAMPLES.get(i)));
        }
        return timings;
    }

    /** What PostgreSQL itself holds, as whole microseconds, so that the reading side is not what checks the writing. */
    private static List<String> storedMicros() {
        List<String> micros = new ArrayList<>();
        try (var c = testDb.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT (extract(epoch FROM budget) * 1000000)::numeric(30, 0)::text"
                     + " FROM timings ORDER BY id")) {
            while (rs.next()) {
                micros.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return micros;
    }

    private static List<String> expectedMicros() {
        return SAMPLES.stream().map(d -> java.math.BigDecimal.valueOf(d.getSeconds()).movePointRight(6)
                .add(java.math.BigDecimal.valueOf(d.getNano() / 1_000)).toPlainString()).toList();
    }

    @Test
    void parametersAndReadsRoundTripExactly() {
        for (Timing t : timings()) {
            assertEquals(1, repo.add(t.id(), t.took(), t.budget()));
        }
        assertEquals(timings(), repo.all());
        assertEquals(expectedMicros(), storedMicros());
        assertEquals(SAMPLES.get(1), repo.took(1));
        assertNull(repo.took(0));
        assertEquals(Optional.of(SAMPLES.get(3)), repo.tookIfAny(3));
        assertEquals(Optional.empty(), repo.tookIfAny(2));
        assertEquals(SAMPLES, repo.budgets());
        assertEquals(List.of(2, 4), repo.withBudget(List.of(SAMPLES.get(4), SAMPLES.get(2), Duration.ofDays(999))));
        assertEquals(List.of(), repo.withBudget(List.of()));
    }

    @Test
    void aRecordParameterBindsItsDurations() {
        assertEquals(1, repo.addRecord(new Timing(7, null, Duration.ofMillis(1500))));
        assertEquals(List.of(new Timing(7, null, Duration.ofMillis(1500))), repo.all());
    }

    @Test
    void aParameterIsTypedAsIntervalNullIncluded() {
        for (Duration d : SAMPLES) {
            assertEquals(d, repo.echo(d));
        }
        assertNull(repo.echo(null));
        // written as exact time, never as days: 25 hours stays 25 hours
        assertEquals("25:00:00", repo.asText(Duration.ofHours(25)));
    }

    @Test
    void daysReadAs24HoursAndMixedSignsAreKept() {
        assertEquals(Duration.ofHours(47), repo.parse("2 days -1 hour"));
        assertEquals(Duration.ofHours(-23), repo.parse("-1 day 1 hour"));
        assertEquals(Duration.ofDays(3).plusNanos(1_000), repo.parse("3 days 0.000001 seconds"));
    }

    @Test
    void monthsAreRefusedOnReadNamingTheColumn() {
        DataException e = assertThrows(DataException.class, () -> repo.parse("1 month 2 days"));
        assertEquals("Timings.parse: column \"interval\" holds the interval '1 mon 2 days', which has months, years"
                + " or no end; a Duration holds exact time only (a month has no fixed length): convert it in the SQL"
                + " (extract(epoch from …)), or read it as a String", e.getMessage());
        assertThrows(DataException.class, () -> repo.parse("-3 years"));
        DataException infinite = assertThrows(DataException.class, () -> repo.parse("infinity"));
        assertTrue(infinite.getMessage().startsWith("Timings.parse: column \"interval\" holds the interval 'infinity',"),
                infinite.getMessage());
    }

    @Test
    void aPartBelowAMicrosecondIsRefusedNamingTheParameter() {
        DataException e = assertThrows(DataException.class, () -> repo.add(1, Duration.ofNanos(1_500), Duration.ZERO));
        assertTrue(e.getMessage().startsWith("Timings.add: parameter 'took': Duration PT0.0000015S has a part below a"
                + " microsecond, which an interval cannot hold; truncate it first"), e.getMessage());
        DataException inRecord = assertThrows(DataException.class,
                () -> repo.addRecord(new Timing(1, null, Duration.ofNanos(1))));
        assertTrue(inRecord.getMessage().startsWith("Timings.addRecord: parameter 'timing.budget': Duration PT0.000000001S"),
                inRecord.getMessage());
        DataException inArray = assertThrows(DataException.class,
                () -> repo.withBudget(List.of(Duration.ZERO, Duration.ofNanos(10))));
        assertTrue(inArray.getMessage().startsWith("Timings.withBudget: parameter 'budgets': Duration PT0.00000001S"),
                inArray.getMessage());
        DataException tooLong = assertThrows(DataException.class, () -> repo.echo(Duration.ofDays(300_000L * 366)));
        assertTrue(tooLong.getMessage().startsWith("Timings.echo: parameter 'value': Duration PT2635200000H is longer"
                + " than an interval holds"), tooLong.getMessage());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM timings"));
    }

    @Test
    void copyUnnestAndValuesWriteExactly() {
        List<Function<List<Timing>, Long>> strategies = List.of(repo::copy, repo::unnest, repo::values);
        for (Function<List<Timing>, Long> strategy : strategies) {
            testDb.execute("TRUNCATE timings");
            assertEquals(SAMPLES.size(), strategy.apply(timings()));
            assertEquals(timings(), repo.all());
            assertEquals(expectedMicros(), storedMicros());
        }
    }

    @Test
    void bulkWritesRefuseAPartBelowAMicrosecondNamingTheColumnAndWriteNothing() {
        List<Timing> timings = new ArrayList<>(timings());
        timings.add(new Timing(99, Duration.ofNanos(1), Duration.ZERO));
        List<Function<List<Timing>, Long>> strategies = List.of(repo::copy, repo::unnest, repo::values);
        List<String> names = List.of("copy", "unnest", "values");
        for (int i = 0; i < strategies.size(); i++) {
            Function<List<Timing>, Long> strategy = strategies.get(i);
            DataException e = assertThrows(DataException.class, () -> strategy.apply(timings));
            assertTrue(e.getMessage().startsWith("Timings." + names.get(i) + ": column \"took\": Duration PT0.000000001S"
                    + " has a part below a microsecond"), e.getMessage());
            assertEquals(0, testDb.queryLong("SELECT count(*) FROM timings"));
        }
    }

    @Test
    void aReturnedIntervalReadsAsADuration() {
        assertEquals(Duration.ofMinutes(90), repo.addReturning(new Timing(1, Duration.ofMinutes(90), Duration.ZERO)));
    }

    @Test
    void hoursBeyondAnIntAreReadExactly() {
        // 250 000 years of hours: more than PGInterval's int hours hold, within an interval's time part
        Duration huge = Duration.ofDays(250_000L * 365).plusNanos(123_000);
        assertEquals(huge, repo.echo(huge));
        assertEquals(huge.negated(), repo.echo(huge.negated()));
    }

    @Test
    void otherIntervalStylesAreReadExactlyOrRefusedNeverGuessed() {
        Duration d = Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(7_000).negated();
        for (String style : List.of("postgres", "postgres_verbose", "iso_8601")) {
            assertEquals(d, db.transaction(() -> {
                repo.intervalStyle(style);
                return repo.echo(d);
            }), style);
        }
        // sql_standard writes a time-only interval (what a Duration binds as) as postgres does, and days its own way
        assertEquals(d, db.transaction(() -> {
            repo.intervalStyle("sql_standard");
            return repo.echo(d);
        }));
        DataException e = assertThrows(DataException.class, () -> db.transaction(() -> {
            repo.intervalStyle("sql_standard");
            return repo.parse("-3 days -4 hours");
        }));
        assertTrue(e.getMessage().startsWith("Timings.parse: column \"interval\" holds the interval '-3 4:00:00',"
                + " which cannot be read as a Duration: an interval in an IntervalStyle Quarry does not read"), e.getMessage());
    }
}
