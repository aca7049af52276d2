package dev.quarry.it.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.integrity.ValuesIntegrity.Amount;
import dev.quarry.it.integrity.ValuesIntegrity.Lists;
import dev.quarry.it.integrity.ValuesIntegrity.Moment;
import dev.quarry.it.integrity.ValuesIntegrity.Shade;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * No value is changed on its way in or out: what PostgreSQL or the Java type cannot hold fails
 * with a {@link DataException} naming the method and the column or parameter, never a raw JDK
 * exception and never a different value.
 */
@PostgresTest
class ValuesIntegrityTest {
    private static TestDatabase testDb;
    private static Database db;
    private static ValuesIntegrity repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(ValuesIntegrity.DDL);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        repo = db.repository(ValuesIntegrity.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("DELETE FROM vi_amounts; DELETE FROM vi_moments; DELETE FROM vi_days; DELETE FROM vi_lists");
    }

    /** The call fails with a DataException whose message starts with the method and holds every fragment. */
    private static DataException fails(String method, Executable call, String... fragments) {
        DataException e = assertThrows(DataException.class, call);
        String label = "ValuesIntegrity." + method;
        assertEquals(label, e.method(), e.getMessage());
        assertTrue(e.getMessage().startsWith(label + ": "), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "no '" + fragment + "' in: " + e.getMessage());
        }
        return e;
    }

    // item: narrowing is exact or fails

    @Test
    void aBigintElementTooLargeForIntFailsNamingTheColumn() {
        fails("intsFromBigints", repo::intsFromBigints, "column \"v\"", "5000000000", "java.lang.Integer");
        assertEquals(Arrays.asList(1, Integer.MIN_VALUE, Integer.MAX_VALUE, null), repo.intsThatFit().v());
        fails("shortsFromInts", repo::shortsFromInts, "column \"v\"", "40000", "java.lang.Short");
    }

    @Test
    void aNumericElementWithAFractionIsNotTruncatedIntoALong() {
        fails("longsFromFractions", repo::longsFromFractions, "column \"v\"", "1.9", "java.lang.Long");
        fails("longsFromHugeNumerics", repo::longsFromHugeNumerics, "column \"v\"", "99999999999999999999");
        assertEquals(List.of(1L, 2L, Long.MAX_VALUE), repo.longsFromWholeNumerics().v());
    }

    // item: type mismatches name method and column

    @Test
    void elementsOfAnotherTypeFailNamingTheColumn() {
        fails("stringsFromInts", repo::stringsFromInts, "column \"v\"", "java.lang.Integer", "java.lang.String");
        fails("longsFromTwoDimensions", repo::longsFromTwoDimensions, "column \"v\"", "java.lang.Long");
    }

    @Test
    void textReadIntoANumberOrDateFailsNamingTheColumn() {
        fails("countFromText", repo::countFromText, "column \"n\"", "The Snowman");
        fails("boxedCountFromText", repo::boxedCountFromText, "column \"n\"", "The Snowman");
        fails("intFromText", repo::intFromText, "column \"n\"", "The Snowman");
        fails("dayFromText", repo::dayFromText, "column \"d\"", "The Snowman");
    }

    // item: numeric beyond PostgreSQL's range

    private static final BigDecimal TOO_LARGE = new BigDecimal("1E+131072");
    private static final BigDecimal TOO_SMALL = new BigDecimal("-1E+131072");
    private static final BigDecimal TOO_FINE = new BigDecimal("1E-16384");
    /** 131072 nines: the most digits numeric holds before the decimal point. */
    private static final BigDecimal LARGEST = BigDecimal.TEN.pow(131072).subtract(BigDecimal.ONE);
    private static final BigDecimal FINEST = new BigDecimal("-1E-16383");

    private static List<Amount> withAmount(BigDecimal bad) {
        return List.of(new Amount(1, BigDecimal.ONE), new Amount(2, bad), new Amount(3, BigDecimal.TEN));
    }

    @Test
    void aNumericOutOfRangeFailsOnEveryPathAndWritesNothing() {
        for (BigDecimal bad : List.of(TOO_LARGE, TOO_SMALL, TOO_FINE, new BigDecimal(BigInteger.ONE, -999_999_999))) {
            fails("addAmount", () -> repo.addAmount(2, bad), "parameter 'amount'", "numeric");
            fails("addAmountRecord", () -> repo.addAmountRecord(new Amount(2, bad)), "parameter 'a.amount'",
                    "numeric");
            fails("copyAmounts", () -> repo.copyAmounts(withAmount(bad)),
                    "column \"amount\" of element 1 of 'amounts'", "numeric");
            fails("unnestAmounts", () -> repo.unnestAmounts(withAmount(bad)),
                    "column \"amount\" of element 1 of 'amounts'", "numeric");
            fails("valuesAmounts", () -> repo.valuesAmounts(withAmount(bad)),
                    "column \"amount\" of element 1 of 'amounts'", "numeric");
            fails("batchAmounts", () -> repo.batchAmounts(withAmount(bad)), "parameter 'amount'", "numeric");
            fails("countAmounts", () -> repo.countAmounts(List.of(BigDecimal.ONE, bad)), "element 1 of 'amounts'",
                    "out of the range of PostgreSQL numeric");
            assertEquals(0, repo.amounts());
        }
        DataException e = fails("addAmount", () -> repo.addAmount(2, TOO_LARGE));
        assertEquals("22003", e.sqlState());
    }

    @Test
    void numericsAtTheLimitsRoundTripOnEveryPath() {
        // only zeros beyond 16383 fraction digits: the same number, with numeric's largest display scale
        BigDecimal longZeroTail = new BigDecimal("0.5").setScale(20_000);
        List<BigDecimal> edges = List.of(FINEST, longZeroTail, new BigDecimal("0E+200000"), new BigDecimal("-1E+1000"),
                new BigDecimal("123.4500"));
        List<Function<List<Amount>, Long>> paths = List.of(
                rows -> (long) repo.addAmount(rows.get(0).id(), rows.get(0).amount()),
                rows -> (long) repo.addAmountRecord(rows.get(0)),
                repo::copyAmounts, repo::unnestAmounts, repo::valuesAmounts, repo::batchAmounts);
        int id = 0;
        for (Function<List<Amount>, Long> path : paths) {
            for (BigDecimal value : edges) {
                id++;
                assertEquals(1L, path.apply(List.of(new Amount(id, value))));
                if (value.scale() >= 16_383) {
                    // reading 16383 digits back through pgjdbc takes long; their text is compared below
                    continue;
                }
                assertEquals(0, value.compareTo(repo.amount(id)), "path " + paths.indexOf(path) + ": " + value);
                assertEquals(0, value.compareTo(new BigDecimal(repo.amountText(id).orElseThrow())));
            }
            // the display scale is kept, as PostgreSQL keeps it
            assertEquals(Optional.of("123.4500"), repo.amountText(id));
            assertEquals(Optional.of("0." + "0".repeat(16382) + "1"), repo.amountText(id - 4).map(t -> t.substring(1)));
            assertEquals(Optional.of("0.5" + "0".repeat(16382)), repo.amountText(id - 3));
        }
        assertEquals(paths.size(), repo.countAmounts(List.of(FINEST, new BigDecimal("-1E+1000"))) / 2);
    }

    /**
     * 131072 digits before the point, the most numeric holds, through Quarry's own binary encoding
     * (pgjdbc's takes seconds for one such value, so the statement paths are left to the smaller edges).
     */
    @Test
    void theMostDigitsNumericHoldsBeforeThePointAreWrittenByCopyAndUnnest() {
        assertEquals(1L, repo.copyAmounts(List.of(new Amount(1, LARGEST))));
        assertEquals(1L, repo.unnestAmounts(List.of(new Amount(2, new BigDecimal("-1E+131071")))));
        assertEquals(Optional.of("9".repeat(131072)), repo.amountText(1));
        assertEquals(Optional.of("-1" + "0".repeat(131071)), repo.amountText(2));
    }

    // item: infinity and the ends of Instant

    @Test
    void infinityReadsAsTheEndsOfInstant() {
        assertEquals(Instant.MAX, repo.infinity());
        assertEquals(Instant.MIN, repo.minusInfinity());
    }

    @Test
    void theEndsOfInstantWriteAsInfinityOnEveryPath() {
        List<Consumer<Moment>> paths = List.of(
                m -> repo.addMoment(m.id(), m.ts()), repo::addMomentRecord,
                m -> repo.copyMoments(List.of(m)), m -> repo.unnestMoments(List.of(m)),
                m -> repo.valuesMoments(List.of(m)));
        int id = 0;
        for (Consumer<Moment> path : paths) {
            path.accept(new Moment(++id, repo.infinity()));
            assertEquals("infinity", repo.momentText(id));
            assertEquals(Instant.MAX, repo.moment(id));
            path.accept(new Moment(++id, repo.minusInfinity()));
            assertEquals("-infinity", repo.momentText(id));
            assertEquals(Instant.MIN, repo.moment(id));
        }
        assertEquals(paths.size(), repo.momentsAt(List.of(Instant.MAX)).size());
        assertEquals(paths.size(), repo.momentsAt(List.of(Instant.MIN)).size());
    }

    @Test
    void anInstantBeyondTimestampRangeFailsNamingTheParameterOrColumn() {
        Instant beyond = Instant.MAX.minusSeconds(1);
        Instant before = Instant.MIN.plusSeconds(1);
        for (Instant bad : List.of(beyond, before)) {
            List<Moment> rows = List.of(new Moment(1, Instant.EPOCH), new Moment(2, bad));
            fails("addMoment", () -> repo.addMoment(2, bad), "parameter 'ts'");
            fails("addMomentRecord", () -> repo.addMomentRecord(new Moment(2, bad)), "parameter 'm.ts'");
            fails("copyMoments", () -> repo.copyMoments(rows), "column \"ts\" of element 1 of 'moments'");
            fails("unnestMoments", () -> repo.unnestMoments(rows), "column \"ts\" of element 1 of 'moments'");
            fails("valuesMoments", () -> repo.valuesMoments(rows), "column \"ts\" of element 1 of 'moments'");
            fails("momentsAt", () -> repo.momentsAt(List.of(Instant.EPOCH, bad)), "element 1 of 'ts'");
            assertEquals(0, repo.moments());
        }
    }

    // item: array elements encoded as scalars are

    @Test
    void datesAndTimesMatchAsArrayElementsAsTheyDoAsScalars() {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 2, 29), LocalDate.of(0, 1, 1), LocalDate.of(-44, 3, 15),
                LocalDate.of(-4713, 11, 24), LocalDate.MAX, LocalDate.MIN, LocalDate.of(1582, 10, 4));
        List<LocalDateTime> dateTimes = List.of(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000),
                LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(-44, 3, 15, 12, 30, 0, 1_000),
                LocalDateTime.of(-4713, 11, 24, 0, 0), LocalDateTime.MAX, LocalDateTime.MIN,
                LocalDateTime.of(1582, 10, 4, 12, 0));
        List<Instant> instants = new ArrayList<>();
        for (LocalDateTime ldt : dateTimes) {
            instants.add(ldt.equals(LocalDateTime.MAX) ? Instant.MAX
                    : ldt.equals(LocalDateTime.MIN) ? Instant.MIN : ldt.toInstant(ZoneOffset.UTC));
        }
        for (int i = 0; i < dates.size(); i++) {
            assertEquals(1, repo.addDay(i + 1, dates.get(i), dateTimes.get(i), instants.get(i)));
        }
        for (int i = 0; i < dates.size(); i++) {
            List<Integer> expected = List.of(i + 1);
            LocalDate d = dates.get(i);
            LocalDateTime ldt = dateTimes.get(i);
            Instant ts = instants.get(i);
            assertEquals(expected, repo.byDate(d), d::toString);
            assertEquals(expected, repo.byDates(List.of(d)), d::toString);
            assertEquals(expected, repo.byDateTime(ldt), ldt::toString);
            assertEquals(expected, repo.byDateTimes(List.of(ldt)), ldt::toString);
            assertEquals(expected, repo.byInstant(ts), ts::toString);
            assertEquals(expected, repo.byInstants(List.of(ts)), ts::toString);
            OffsetDateTime odt = ts.equals(Instant.MAX) ? OffsetDateTime.MAX : ts.equals(Instant.MIN)
                    ? OffsetDateTime.MIN : ts.atOffset(ZoneOffset.ofHours(-5));
            assertEquals(expected, repo.byOffsetDateTime(odt), odt::toString);
            assertEquals(expected, repo.byOffsetDateTimes(new OffsetDateTime[] {odt}), odt::toString);
            assertEquals(d, repo.date(i + 1));
            assertEquals(ldt, repo.dateTime(i + 1));
            assertEquals(ts, repo.instant(i + 1));
        }
        List<Integer> all = List.of(1, 2, 3, 4, 5, 6, 7);
        assertEquals(all, repo.byDates(dates));
        assertEquals(all, repo.byDateTimes(dateTimes));
        assertEquals(all, repo.byInstants(instants));
        assertEquals(List.of(), repo.byDates(List.of()));
    }

    // item: null elements of collection parameters

    @Test
    void aNullElementOfACollectionParameterIsRefusedByPosition() {
        String why = "is null; a collection parameter binds as an array, and a NULL element matches nothing";
        fails("in", () -> repo.in(Arrays.asList(1, null)), "element 1 of 'ids' " + why);
        fails("notIn", () -> repo.notIn(Arrays.asList(null, 1)), "element 0 of 'ids' " + why);
        fails("any", () -> repo.any(new Long[] {1L, 2L, null}), "element 2 of 'ids' " + why);
        fails("notAny", () -> repo.notAny(Arrays.asList(3L, null)), "element 1 of 'ids' " + why);
        fails("shades", () -> repo.shades(Arrays.asList(Shade.DARK, null)), "element 1 of 'shades' " + why);
        fails("days", () -> repo.days(Arrays.asList(null, LocalDate.of(2024, 1, 1))), "element 0 of 'days' " + why);
        // without the null, the same calls answer as before
        assertEquals(List.of(1), repo.in(List.of(1)));
        assertEquals(List.of(2, 3), repo.notIn(List.of(1)));
        assertEquals(List.of(1, 2), repo.any(new Long[] {1L, 2L}));
        assertEquals(List.of(1, 2), repo.notAny(List.of(3L)));
        assertEquals(List.of("DARK"), repo.shades(List.of(Shade.DARK)));
        assertEquals(List.of(LocalDate.of(2024, 1, 1)), repo.days(List.of(LocalDate.of(2024, 1, 1))));
        assertEquals(List.of(1, 2, 3), repo.notIn(List.of()));
    }

    @Test
    void aRecordsListComponentKeepsItsNullElements() {
        Lists lists = new Lists(1, Arrays.asList(1L, null, 3L), Arrays.asList(null, "b", null));
        assertEquals(1, repo.addLists(lists));
        assertEquals(lists, repo.lists(1));
        assertEquals(1, repo.addLists(new Lists(2, null, List.of())));
        Lists read = repo.lists(2);
        assertNull(read.scores());
        assertEquals(List.of(), read.labels());
    }
}
