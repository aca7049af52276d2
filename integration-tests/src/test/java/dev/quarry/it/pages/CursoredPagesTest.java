package dev.quarry.it.pages;

import static dev.quarry.it.pages.ItemsData.AB;
import static dev.quarry.it.pages.ItemsData.FILTERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.quarry.it.SqlCapture;
import dev.quarry.it.pages.Items.Item;
import dev.quarry.it.pages.Items.Ranked;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.PageRequest;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code CursoredPage} methods on real PostgreSQL: every keyset walk yields the un-paged
 * statement's rows once each and in its order, whatever the directions and ties; rows changing
 * between pages neither repeat nor hide rows; a cursor is taken only as its method made it.
 */
@PostgresTest
class CursoredPagesTest {
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String AB_WHERE = "FROM items WHERE tenant_id = 1 AND kind IN ('a', 'b') ";

    private static TestDatabase testDb;
    private static Statements statements;
    private static Items items;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        ItemsData.create(database);
        statements = new Statements(database);
        items = statements.db.repository(Items.class);
    }

    @AfterAll
    static void tearDown() {
        statements.close();
    }

    private static List<Long> ids(String sql, Object... params) {
        return ItemsData.ids(testDb, sql, params);
    }

    /**
     * Walks {@code call} from the first page by {@code nextPageRequest()}: each page full but the last,
     * one statement each, a URL-safe cursor on all but the last; the rows are {@code expected}.
     */
    private static List<String> walk(String what, List<Long> expected, int size,
                                     Function<PageRequest, CursoredPage<Item>> call) {
        List<Long> seen = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        long pages = Math.max(1, ((long) expected.size() + size - 1) / size);
        PageRequest request = PageRequest.ofSize(size);
        for (long number = 1; ; number++) {
            String at = what + ", size " + size + ", page " + number;
            assertTrue(number <= pages, at + ": more pages than rows");
            statements.reset();
            CursoredPage<Item> page = call.apply(request);
            assertEquals(1, statements.count(), () -> at + ": " + statements.executed());
            assertEquals(size, page.size(), at);
            page.content().forEach(item -> seen.add(item.id()));
            if (number < pages) {
                assertEquals(size, page.content().size(), at);
                assertTrue(page.hasNext(), at);
                String cursor = page.nextCursor().orElseThrow();
                assertTrue(URL_SAFE.matcher(cursor).matches(), at + ": " + cursor);
                cursors.add(cursor);
                assertEquals(Optional.of(PageRequest.afterCursor(cursor, size)), page.nextPageRequest(), at);
                request = page.nextPageRequest().orElseThrow();
            } else {
                assertEquals(expected.size() - (pages - 1) * size, page.content().size(), at + ": the last page");
                assertFalse(page.hasNext(), at);
                assertEquals(Optional.empty(), page.nextCursor(), at);
                assertEquals(Optional.empty(), page.nextPageRequest(), at);
                break;
            }
        }
        assertEquals(expected, seen, what + ", size " + size);
        return cursors;
    }

    @Test
    void ascendingWalksOfTenThousandAndSevenFilteredRows() {
        List<Long> expected = ids("SELECT id " + AB_WHERE + "ORDER BY created_at, id");
        assertEquals(FILTERED, expected.size());
        for (int size : new int[] {10, 1000, 10_007, 20_000}) {
            walk("ascending", expected, size, request -> items.feedAsc(1L, AB, request));
        }
    }

    @Test
    void aKeysetPagesTraceShowsItsValuesTheCursorsKeysAndTheLimit() {
        try (SqlCapture sql = new SqlCapture(Level.TRACE)) {
            CursoredPage<Item> first = items.feedAsc(1L, Set.of("a"), PageRequest.ofSize(2));
            items.feedAsc(1L, Set.of("a"), first.nextPageRequest().orElseThrow());
            List<String> binds = sql.statements("Items.feedAsc").stream().filter(l -> l.contains(" binds: ")).toList();
            assertEquals(2, binds.size(), binds::toString);
            assertTrue(binds.get(0).matches("Items\\.feedAsc binds: \\$1=1, \\$2=[^$]*a[^$]*, \\$3=3"), binds.get(0));
            Item last = first.content().get(1);
            assertTrue(binds.get(1).matches("Items\\.feedAsc binds: \\$1=1, \\$2=[^$]*a[^$]*, \\$3=[^$]+, \\$4="
                    + last.id() + ", \\$5=3"), binds.get(1));
        }
    }

    @Test
    void descendingWalks() {
        List<Long> expected = ids("SELECT id " + AB_WHERE + "ORDER BY created_at DESC, id DESC");
        for (int size : new int[] {10, 1000}) {
            walk("descending", expected, size, request -> items.feedDesc(1L, AB, request));
        }
    }

    @Test
    void mixedDirections() {
        List<Long> expected = ids("SELECT id " + AB_WHERE + "ORDER BY kind, created_at DESC, id");
        for (int size : new int[] {10, 1000}) {
            walk("mixed", expected, size, request -> items.feedMixed(1L, AB, request));
        }
    }

    /**
     * Size 1, one statement per row: ascending and descending over all 10 007 rows (each page an index
     * range after the cursor). Mixed directions walk tenant 2's rows of kinds a and b (about 330, ties
     * on both kind and instant) instead: their expanded condition cannot be an index range, so each
     * page sorts the whole filtered result (about 17 ms here, three minutes for 10 007 pages) for nothing
     * the smaller walk and the larger pages over all rows do not already show.
     */
    @Test
    void pagesOfOneRow() {
        walk("ascending", ids("SELECT id " + AB_WHERE + "ORDER BY created_at, id"), 1,
                request -> items.feedAsc(1L, AB, request));
        walk("descending", ids("SELECT id " + AB_WHERE + "ORDER BY created_at DESC, id DESC"), 1,
                request -> items.feedDesc(1L, AB, request));
        List<Long> mixed = ids("SELECT id FROM items WHERE tenant_id = 2 AND kind IN ('a', 'b') "
                + "ORDER BY kind, created_at DESC, id");
        assertTrue(mixed.size() > 300, () -> mixed.size() + " rows");
        walk("mixed", mixed, 1, request -> items.feedMixed(2L, AB, request));
    }

    @Test
    void textAndNumericKeysInTheDatabasesOrder() {
        List<Long> expected = ids("SELECT id FROM items WHERE tenant_id = 1 ORDER BY name DESC, price, id DESC");
        assertEquals(12_000, expected.size());
        for (int size : new int[] {50, 1000}) {
            walk("by name", expected, size, request -> items.feedByName(1L, request));
        }
    }

    /**
     * 25 rows at one instant (with microseconds), of two kinds: the cursor's instant must match
     * PostgreSQL's to the microsecond, or a walk repeats or loses rows.
     */
    @Test
    void everyRowSharingTheLeadingKey() {
        List<Long> ascending = ids("SELECT id FROM items WHERE tenant_id = 4 ORDER BY created_at, id");
        List<Long> descending = ids("SELECT id FROM items WHERE tenant_id = 4 ORDER BY created_at DESC, id DESC");
        List<Long> mixed = ids("SELECT id FROM items WHERE tenant_id = 4 ORDER BY kind, created_at DESC, id");
        assertEquals(25, ascending.size());
        for (int size : new int[] {1, 2, 4, 5, 24, 25, 26}) {
            walk("same instant, ascending", ascending, size, request -> items.feedAsc(4L, null, request));
            walk("same instant, descending", descending, size, request -> items.feedDesc(4L, null, request));
            walk("same instant, mixed", mixed, size, request -> items.feedMixed(4L, null, request));
        }
    }

    @Test
    void anEmptyResult() {
        for (Function<PageRequest, CursoredPage<Item>> call : List.<Function<PageRequest, CursoredPage<Item>>>of(
                request -> items.feedAsc(99L, null, request), request -> items.feedDesc(1L, Set.of(), request),
                request -> items.feedMixed(1L, Set.of("zz"), request))) {
            walk("empty", List.of(), 10, call);
            statements.reset();
            CursoredPage<Item> page = call.apply(PageRequest.ofPage(1, 3));
            assertEquals(List.of(), page.content());
            assertFalse(page.hasNext());
            assertEquals(1, statements.count());
        }
    }

    /** 20 rows by 10: the second page knows it is the last without a third call. */
    @Test
    void aResultOfExactlyTwoPages() {
        List<Long> expected = ids("SELECT id FROM items WHERE tenant_id = 7 ORDER BY created_at, id");
        assertEquals(20, expected.size());
        for (int size : new int[] {5, 10, 19, 20, 21}) {
            walk("twenty", expected, size, request -> items.feedAsc(7L, null, request));
        }
    }

    /** The keys as the statement names them: qualified by the table's alias, or renamed in the select list. */
    @Test
    void keysQualifiedOrRenamedInTheStatement() {
        List<Long> qualified = ids("SELECT id FROM items WHERE tenant_id = 1 ORDER BY created_at, id");
        List<Long> aliased = ids("SELECT id FROM items WHERE tenant_id = 1 ORDER BY created_at DESC, id DESC");
        List<Long> joined = ids("SELECT i.id FROM items i JOIN tags t ON t.item_id = i.id WHERE i.tenant_id = 6 "
                + "AND t.label LIKE '%.1' ORDER BY i.created_at DESC, i.id");
        assertTrue(joined.size() > 20, joined::toString);
        for (int size : new int[] {10, 1000}) {
            assertEquals(qualified, walkAny(size, request -> items.feedQualified(1L, request), Items.Stamped::id),
                    "qualified, size " + size);
            assertEquals(aliased, walkAny(size, request -> items.feedAliased(1L, request), Items.Happened::id),
                    "aliased, size " + size);
        }
        for (int size : new int[] {1, 3, 10}) {
            assertEquals(joined, walkAny(size, request -> items.feedJoined(6L, request), Items.Stamped::id),
                    "joined, size " + size);
        }
    }

    /** The rows of every page of {@code call}, told apart by {@code key}. */
    private static <R> List<Long> walkAny(int size, Function<PageRequest, CursoredPage<R>> call,
                                          Function<R, Long> key) {
        List<Long> seen = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.ofSize(size));
        while (next.isPresent()) {
            CursoredPage<R> page = call.apply(next.get());
            page.content().forEach(row -> seen.add(key.apply(row)));
            next = page.nextPageRequest();
            assertTrue(seen.size() <= 20_000, "a walk that does not end");
        }
        return seen;
    }

    /** The value of an async call, or what it failed with, thrown as it is. */
    private static <T> T join(CompletableFuture<T> future) throws Throwable {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @Test
    void anAsyncKeysetWalkIsTheSameWalk() throws Throwable {
        walk("async", ids("SELECT id " + AB_WHERE + "ORDER BY created_at, id"), 1000, request -> {
            try {
                return join(items.feedAsync(1L, AB, request));
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        });
        String cursor = items.feedAsc(1L, AB, PageRequest.ofSize(10)).nextCursor().orElseThrow();
        // a cursor of feedAsc is not feedAsync's, even over the same statement
        assertRefusedBeforeAnySql("feedAsync", () -> join(items.feedAsync(1L, AB, PageRequest.afterCursor(cursor, 10))));
        assertRefusedBeforeAnySql("feedAsync", () -> join(items.feedAsync(1L, AB, PageRequest.ofPage(2, 10))));
        String own = join(items.feedAsync(1L, AB, PageRequest.ofSize(10))).nextCursor().orElseThrow();
        assertEquals(items.feedAsc(1L, AB, PageRequest.afterCursor(cursor, 10)).content(),
                join(items.feedAsync(1L, AB, PageRequest.afterCursor(own, 10))).content());
    }

    /** Integer.MAX_VALUE rows a page: LIMIT size + 1 must not wrap around. */
    @Test
    void theLargestSizeIsOnePage() {
        walk("largest", ids("SELECT id " + AB_WHERE + "ORDER BY created_at DESC, id DESC"), Integer.MAX_VALUE,
                request -> items.feedDesc(1L, AB, request));
        String cursor = items.feedAsc(1L, AB, PageRequest.ofSize(10)).nextCursor().orElseThrow();
        CursoredPage<Item> rest = items.feedAsc(1L, AB, PageRequest.afterCursor(cursor, Integer.MAX_VALUE));
        assertEquals(FILTERED - 10, rest.content().size());
        assertFalse(rest.hasNext());
    }

    @Test
    void theNextPageMayHaveAnotherSize() {
        List<Long> expected = ids("SELECT id " + AB_WHERE + "ORDER BY created_at, id");
        String cursor = items.feedAsc(1L, AB, PageRequest.ofSize(10)).nextCursor().orElseThrow();
        assertEquals(expected.subList(10, 17),
                items.feedAsc(1L, AB, PageRequest.afterCursor(cursor, 7)).content().stream().map(Item::id).toList());
        assertEquals(expected.subList(10, 1010),
                items.feedAsc(1L, AB, PageRequest.afterCursor(cursor, 1000)).content().stream().map(Item::id).toList());
        // the same cursor twice gives the same page
        assertEquals(items.feedAsc(1L, AB, PageRequest.afterCursor(cursor, 50)),
                items.feedAsc(1L, AB, PageRequest.afterCursor(cursor, 50)));
    }

    /**
     * Rows inserted and deleted between pages (tenant 5, 30 rows at each minute): no row twice, no
     * row that existed throughout skipped, no row deleted before the walk reached it, none inserted
     * before the cursor; rows inserted after the cursor are reached.
     */
    @Test
    void rowsChangingBetweenPagesNeitherRepeatNorHide() {
        List<Long> initial = ids("SELECT id FROM items WHERE tenant_id = 5 ORDER BY created_at, id");
        assertEquals(300, initial.size());
        Set<Long> deletedUnseen = new HashSet<>();
        Set<Long> deletedSeen = new HashSet<>();
        Set<Long> insertedBefore = new HashSet<>();
        Set<Long> insertedAfter = new HashSet<>();
        List<Long> seen = new ArrayList<>();
        PageRequest request = PageRequest.ofSize(25);
        long nextId = 45_001;
        for (int number = 1; number <= 40; number++) {
            CursoredPage<Item> page = items.feedAsc(5L, null, request);
            page.content().forEach(item -> seen.add(item.id()));
            if (!page.hasNext()) {
                break;
            }
            Item last = page.content().get(page.content().size() - 1);
            if (number % 2 == 1) {
                // after the cursor: the rows 3 and 4 places on, and a new row at the same instant with a larger id
                List<Long> ahead = ids("SELECT id FROM items WHERE tenant_id = 5 AND (created_at, id) > (?, ?) "
                        + "ORDER BY created_at, id LIMIT 4", java.sql.Timestamp.from(last.createdAt()), last.id());
                if (ahead.size() == 4) {
                    deletedUnseen.addAll(ahead.subList(2, 4));
                    testDb.execute("DELETE FROM items WHERE id IN (" + ahead.get(2) + ", " + ahead.get(3) + ")");
                }
                insert(nextId, last.createdAt(), "+0 seconds");
                insertedAfter.add(nextId++);
                insert(nextId, last.createdAt(), "+1 day");
                insertedAfter.add(nextId++);
                // before the cursor: at the same instant with a smaller id, and earlier
                insert(40_000 - number, last.createdAt(), "+0 seconds");
                insertedBefore.add(40_000L - number);
                insert(nextId, last.createdAt(), "-1 second");
                insertedBefore.add(nextId++);
                // a row already seen
                long gone = seen.get(seen.size() / 2);
                if (deletedSeen.add(gone)) {
                    testDb.execute("DELETE FROM items WHERE id = " + gone);
                }
            }
            request = page.nextPageRequest().orElseThrow();
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a row twice: " + seen);
        for (long id : initial) {
            if (!deletedUnseen.contains(id)) {
                assertTrue(seen.contains(id), "row " + id + " existed throughout and was skipped");
            }
        }
        for (long id : deletedUnseen) {
            assertFalse(seen.contains(id), "row " + id + " was deleted before the walk reached it");
        }
        for (long id : insertedBefore) {
            assertFalse(seen.contains(id), "row " + id + " was inserted before the cursor");
        }
        for (long id : insertedAfter) {
            assertTrue(seen.contains(id), "row " + id + " was inserted after the cursor");
        }
        assertFalse(deletedUnseen.isEmpty());
        // and in the statement's order throughout
        List<Long> stillThere = seen.stream().filter(id -> !deletedSeen.contains(id)).toList();
        assertEquals(ids("SELECT id FROM items WHERE id = ANY(?) ORDER BY created_at, id", stillThere), stillThere);
    }

    private static void insert(long id, java.time.Instant at, String shift) {
        testDb.execute("INSERT INTO items VALUES (" + id + ", 5, 'inserted " + id + "', 'a', 3.00, NULL, timestamptz '"
                + at + "' + interval '" + shift + "')");
    }

    private static void assertRefusedBeforeAnySql(String method, Executable call) {
        statements.reset();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, method);
        assertTrue(e.getMessage().contains("Items." + method), e.getMessage());
        assertEquals(0, statements.count(), () -> method + " ran " + statements.executed());
    }

    @Test
    void anAlteredCursorIsRefusedBeforeAnySql() {
        String cursor = items.feedAsc(1L, AB, PageRequest.ofSize(10)).nextCursor().orElseThrow();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            char flipped = alphabet.charAt((alphabet.indexOf(c) + 1 + i % 63) % 64);
            String altered = cursor.substring(0, i) + flipped + cursor.substring(i + 1);
            assertRefusedBeforeAnySql("feedAsc", () -> items.feedAsc(1L, AB, PageRequest.afterCursor(altered, 10)));
        }
        assertRefusedBeforeAnySql("feedAsc", () -> items.feedAsc(1L, AB,
                PageRequest.afterCursor(cursor.substring(0, cursor.length() - 1), 10)));
        assertRefusedBeforeAnySql("feedAsc", () -> items.feedAsc(1L, AB, PageRequest.afterCursor(cursor + "A", 10)));
        // the cursor itself still works
        assertEquals(10, items.feedAsc(1L, AB, PageRequest.afterCursor(cursor, 10)).content().size());
    }

    @Test
    void aCursorOfAnotherMethodIsRefusedBeforeAnySql() {
        String asc = items.feedAsc(1L, AB, PageRequest.ofSize(10)).nextCursor().orElseThrow();
        String desc = items.feedDesc(1L, AB, PageRequest.ofSize(10)).nextCursor().orElseThrow();
        String byName = items.feedByName(1L, PageRequest.ofSize(10)).nextCursor().orElseThrow();
        // the same statement under another name
        assertRefusedBeforeAnySql("feedAscAgain", () -> items.feedAscAgain(1L, AB, PageRequest.afterCursor(asc, 10)));
        assertRefusedBeforeAnySql("feedDesc", () -> items.feedDesc(1L, AB, PageRequest.afterCursor(asc, 10)));
        assertRefusedBeforeAnySql("feedAsc", () -> items.feedAsc(1L, AB, PageRequest.afterCursor(desc, 10)));
        assertRefusedBeforeAnySql("feedMixed", () -> items.feedMixed(1L, AB, PageRequest.afterCursor(asc, 10)));
        assertRefusedBeforeAnySql("feedAsc", () -> items.feedAsc(1L, AB, PageRequest.afterCursor(byName, 10)));
        assertRefusedBeforeAnySql("byRank", () -> items.byRank(3L, PageRequest.afterCursor(asc, 10)));
        assertRefusedBeforeAnySql("taggedFeedSelectIn", () -> items.taggedFeedSelectIn(6L, PageRequest.afterCursor(desc, 10)));
        assertRefusedBeforeAnySql("taggedFeedJoined", () -> items.taggedFeedJoined(6L, PageRequest.afterCursor(desc, 10)));
    }

    /**
     * The cursor is not signed: a caller who rebuilds one (here with the method's fingerprint, read
     * from the generated class) starts the page at the keys it chose, which are bound as values and
     * never become SQL text.
     */
    @Test
    void aRebuiltCursorsKeysAreValuesNotSql() throws ReflectiveOperationException {
        long fingerprint = 0;
        int found = 0;
        for (java.lang.reflect.Field field : Class.forName(Items.class.getName() + "_Impl").getDeclaredFields()) {
            if (field.getType() == long.class && field.getName().startsWith("FEED_BY_NAME") && field.getName().endsWith("CURSOR")
                    && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fingerprint = field.getLong(null);
                found++;
            }
        }
        assertEquals(1, found, "the fingerprint constant of Items.feedByName");
        long before = testDb.queryLong("SELECT count(*) FROM items");
        for (String name : List.of("'; DROP TABLE items; --", "item 250' OR '1'='1", "Zoë 1", "")) {
            String cursor = dev.quarry.runtime.internal.Cursors.write(fingerprint, "Items.feedByName")
                    .putString(name, "name").putDecimal(new java.math.BigDecimal("1.50"), "price").putLong(5000L, "id")
                    .encode();
            List<Long> expected = ids("SELECT id FROM items WHERE tenant_id = 1 AND (name < ? OR (name = ? AND "
                    + "(price > 1.50 OR (price = 1.50 AND id < 5000)))) ORDER BY name DESC, price, id DESC LIMIT 10",
                    name, name);
            assertEquals(expected, items.feedByName(1L, PageRequest.afterCursor(cursor, 10)).content().stream()
                    .map(Item::id).toList(), name);
        }
        assertEquals(before, testDb.queryLong("SELECT count(*) FROM items"));
    }

    @Test
    void garbageIsRefusedBeforeAnySql() {
        for (String garbage : List.of("garbage", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%%%", "' OR 1=1 --",
                "eyJpZCI6MTB9", "x".repeat(10_000), "😀", " ")) {
            assertRefusedBeforeAnySql("feedAsc", () -> items.feedAsc(1L, AB, PageRequest.afterCursor(garbage, 10)));
            assertRefusedBeforeAnySql("feedMixed", () -> items.feedMixed(1L, AB, PageRequest.afterCursor(garbage, 10)));
        }
    }

    @Test
    void aPageNumberOtherThanOneIsRefusedBeforeAnySql() {
        for (long number : new long[] {2, 3, 1000}) {
            assertRefusedBeforeAnySql("feedAsc", () -> items.feedAsc(1L, AB, PageRequest.ofPage(number, 10)));
            assertRefusedBeforeAnySql("feedDesc", () -> items.feedDesc(1L, AB, PageRequest.ofPage(number, 10)));
            assertRefusedBeforeAnySql("taggedFeedJoined", () -> items.taggedFeedJoined(6L, PageRequest.ofPage(number, 10)));
        }
        assertEquals(items.feedAsc(1L, AB, PageRequest.ofSize(10)), items.feedAsc(1L, AB, PageRequest.ofPage(1, 10)));
    }

    @Test
    void aNullKeyInThePagesLastRowIsADataExceptionNamingTheColumn() {
        // ranks 1, 2, NULL, NULL: the third row ends a page of three and has no rank to start the next after
        DataException e = assertThrows(DataException.class, () -> items.byRank(3L, PageRequest.ofSize(3)));
        assertTrue(e.getMessage().replace("byRank", "").contains("rank"), e.getMessage());
        assertTrue(e.getMessage().contains("Items.byRank"), e.getMessage());
    }

    /** The last page needs no cursor, so its last row's NULL key says nothing wrong. */
    @Test
    void aLastPageEndingOnANullKeyNeedsNoCursor() {
        for (int size : new int[] {4, 5, 100}) {
            CursoredPage<Ranked> all = items.byRank(3L, PageRequest.ofSize(size));
            assertEquals(List.of(20001L, 20002L, 20003L, 20004L), all.content().stream().map(Ranked::id).toList());
            assertFalse(all.hasNext());
        }
    }

    /**
     * Ranks 1, 2, NULL, NULL by pages of two: the rows ranked NULL (last in PostgreSQL's ascending
     * order) are rows of the result. A walk yields them, or fails saying it cannot, but does not end
     * as if they were not there.
     */
    @Disabled("the walk ends after [20001, 20002]: page 1 says hasNext and its cursor holds rank 2, page 2 runs "
            + "(rank, id) > (2, 20002), which no NULL rank satisfies, and returns no rows and no cursor")
    @Test
    void rowsWithANullKeyAfterTheCursorAreNotSilentlyDropped() {
        List<Long> seen = new ArrayList<>();
        try {
            Optional<PageRequest> next = Optional.of(PageRequest.ofSize(2));
            while (next.isPresent() && seen.size() <= 4) {
                CursoredPage<Ranked> page = items.byRank(3L, next.get());
                page.content().forEach(row -> seen.add(row.id()));
                next = page.nextPageRequest();
            }
        } catch (DataException e) {
            assertTrue(e.getMessage().replace("byRank", "").contains("rank"), e.getMessage());
            return;
        }
        assertEquals(List.of(20001L, 20002L, 20003L, 20004L), seen);
    }
}
