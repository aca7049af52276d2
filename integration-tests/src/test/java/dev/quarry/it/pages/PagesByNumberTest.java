package dev.quarry.it.pages;

import static dev.quarry.it.pages.ItemsData.AB;
import static dev.quarry.it.pages.ItemsData.FILTERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.SqlCapture;
import dev.quarry.it.pages.Items.Item;
import dev.quarry.it.pages.Items.ItemSort;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.runtime.Sort;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code Page} and {@code List} methods with a {@code PageRequest} on real PostgreSQL: every page of
 * a result against the un-paged statement in plain JDBC, totals exact, and a count only where the
 * rows cannot tell the total.
 */
@PostgresTest
class PagesByNumberTest {
    private static final String ORDERED_AB =
            "SELECT id FROM items WHERE tenant_id = 1 AND kind IN ('a', 'b') ORDER BY created_at, id";

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

    private static List<Long> idsOf(List<? extends Item> rows) {
        return rows.stream().map(Item::id).toList();
    }

    /**
     * Walks {@code call} from the first page by {@code nextPageRequest()} and checks each page against
     * {@code expected}: its number, rows, totals, whether one follows, and the statements it ran (a
     * count only on a full page).
     */
    private static void walk(String what, List<Long> expected, int size, Function<PageRequest, Page<Item>> call) {
        walk(what, expected, size, call, Item::id);
    }

    /** {@link #walk(String, List, int, Function)} of any row, told apart by {@code key}. */
    private static <R> void walk(String what, List<?> expected, int size, Function<PageRequest, Page<R>> call,
                                 Function<R, ?> key) {
        long total = expected.size();
        long pages = (total + size - 1) / size;
        List<Object> seen = new ArrayList<>();
        PageRequest request = PageRequest.ofSize(size);
        for (long number = 1; ; number++) {
            String at = what + ", size " + size + ", page " + number;
            statements.reset();
            Page<R> page = call.apply(request);
            List<String> ran = statements.queries();
            assertEquals(number, page.number(), at);
            assertEquals(size, page.size(), at);
            assertEquals(total, page.totalElements(), at);
            assertEquals(pages, page.totalPages(), at);
            int rows = page.content().size();
            boolean full = rows == size;
            assertEquals(full ? 2 : 1, ran.size(), () -> at + ": " + ran);
            if (full) {
                assertTrue(ran.get(1).contains("count("), () -> at + ": " + ran);
                assertFalse(ran.get(1).toUpperCase().contains("ORDER BY"), () -> at + ": the count sorts: " + ran);
            }
            page.content().forEach(row -> seen.add(key.apply(row)));
            if (number < pages) {
                assertEquals(size, rows, at);
                assertTrue(page.hasNext(), at);
                assertEquals(Optional.of(PageRequest.ofPage(number + 1, size)), page.nextPageRequest(), at);
                request = page.nextPageRequest().orElseThrow();
            } else {
                assertEquals(total == 0 ? 0 : total - (pages - 1) * size, rows, at + ": the last page");
                assertFalse(page.hasNext(), at);
                assertEquals(Optional.empty(), page.nextPageRequest(), at);
                break;
            }
        }
        assertEquals(expected, seen, what + ", size " + size);
    }

    @Test
    void everyPageOfTenThousandAndSevenFilteredRows() {
        List<Long> expected = ids(ORDERED_AB);
        assertEquals(FILTERED, expected.size());
        for (int size : new int[] {10, 1000}) {
            walk("page", expected, size, request -> items.page(1L, AB, Optional.empty(), request));
        }
        // 10 007 = 1000 * 10 + 7: the last pages hold 7 rows
        Page<Item> last = items.page(1L, AB, Optional.empty(), PageRequest.ofPage(11, 1000));
        assertEquals(expected.subList(10_000, FILTERED), idsOf(last.content()));
        assertEquals(FILTERED, last.totalElements());
    }

    /**
     * Size 1 walks a smaller filtered result (kind b, names 'item 1…': 558 rows): over the full
     * 10 007 rows it would run 20 000 statements, each OFFSET skipping up to 10 000 rows, for nothing
     * the smaller walk does not already show.
     */
    @Test
    void everyPageOfOneRow() {
        List<Long> expected = ids("SELECT id FROM items WHERE tenant_id = 1 AND kind = 'b' AND name LIKE 'item 1%' "
                + "ORDER BY created_at, id");
        assertTrue(expected.size() > 400 && expected.size() < 1000, () -> expected.size() + " rows");
        walk("page of one", expected, 1, request -> items.page(1L, Set.of("b"), Optional.of("item 1%"), request));
    }

    @Test
    void anEmptyResultIsOnePageOfNothingWithoutACount() {
        for (Function<PageRequest, Page<Item>> call : List.<Function<PageRequest, Page<Item>>>of(
                request -> items.page(99L, null, Optional.empty(), request),
                request -> items.page(1L, Set.of(), Optional.empty(), request),
                request -> items.page(1L, AB, Optional.of("no such name%"), request))) {
            walk("empty", List.of(), 10, call);
            statements.reset();
            Page<Item> page = call.apply(PageRequest.ofSize(1));
            assertEquals(0, page.totalElements());
            assertEquals(0, page.totalPages());
            assertFalse(page.hasNext());
            assertEquals(1, statements.count(), statements.executed()::toString);
        }
    }

    @Test
    void aResultOfExactlyTwoPagesEndsOnAFullPage() {
        List<Long> expected = ids("SELECT id FROM items WHERE tenant_id = 7 ORDER BY created_at, id");
        assertEquals(20, expected.size());
        walk("twenty", expected, 10, request -> items.page(7L, null, Optional.empty(), request));
        walk("twenty", expected, 20, request -> items.page(7L, null, Optional.empty(), request));
        walk("twenty", expected, 21, request -> items.page(7L, null, Optional.empty(), request));
        walk("twenty", expected, 19, request -> items.page(7L, null, Optional.empty(), request));
    }

    /** A page past the end (a bookmark of page 5 when the result has 2): empty, and the count is the truth. */
    @Test
    void aPagePastTheEndIsEmptyAndKeepsTheExactTotal() {
        for (long number : new long[] {3, 5, 1_000_000_000L}) {
            statements.reset();
            Page<Item> past = items.page(7L, null, Optional.empty(), PageRequest.ofPage(number, 10));
            assertEquals(List.of(), past.content(), "page " + number);
            assertEquals(2, statements.count(), "an empty page after the first is counted: " + statements.executed());
            assertEquals(number, past.number());
            assertEquals(20, past.totalElements(), "page " + number);
            assertEquals(2, past.totalPages(), "page " + number);
            assertFalse(past.hasNext());
            assertEquals(Optional.empty(), past.nextPageRequest());
        }
    }

    @Test
    void filtersApplyToTheRowsAndToTheCount() {
        List<Set<String>> kinds = Arrays.asList(null, Set.of("a"), AB, Set.of("c"), Set.of());
        List<String> prefixes = Arrays.asList(null, "item 0%", "Zoë%", "émile");
        for (Set<String> kind : kinds) {
            for (String prefix : prefixes) {
                StringBuilder where = new StringBuilder("tenant_id = 1");
                List<Object> params = new ArrayList<>();
                if (kind != null) {
                    where.append(" AND kind = ANY(?)");
                    params.add(kind);
                }
                if (prefix != null) {
                    where.append(" AND name LIKE ?");
                    params.add(prefix);
                }
                List<Long> expected = ids("SELECT id FROM items WHERE " + where + " ORDER BY created_at, id",
                        params.toArray());
                String what = "kinds " + kind + ", prefix " + prefix;
                Page<Item> first = items.page(1L, kind, Optional.ofNullable(prefix), PageRequest.ofSize(50));
                assertEquals(expected.size(), first.totalElements(), what);
                assertEquals(expected.subList(0, Math.min(50, expected.size())), idsOf(first.content()), what);
                long lastNumber = Math.max(1, first.totalPages());
                Page<Item> last = items.page(1L, kind, Optional.ofNullable(prefix), PageRequest.ofPage(lastNumber, 50));
                assertEquals(expected.subList((int) Math.min((lastNumber - 1) * 50, expected.size()), expected.size()),
                        idsOf(last.content()), what);
                assertEquals(expected.size(), last.totalElements(), what);
                assertFalse(last.hasNext(), what);
            }
        }
        // one filtered walk to the end, filters and all
        walk("filtered", ids("SELECT id FROM items WHERE tenant_id = 1 AND kind = 'a' AND name LIKE 'item 0%' "
                + "ORDER BY created_at, id"), 37, request -> items.page(1L, Set.of("a"), Optional.of("item 0%"), request));
    }

    @Test
    void aSortOrdersEveryPageAndTheStatementsOwnOrderBreaksTies() {
        record Case(Sort<ItemSort> sort, String orderBy) {}
        for (Case c : List.of(new Case(Sort.desc(ItemSort.NAME).thenAsc(ItemSort.PRICE), "name DESC, price, created_at, id"),
                new Case(Sort.asc(ItemSort.KIND), "lower(kind), created_at, id"),
                new Case(Sort.desc(ItemSort.PRICE), "price DESC, created_at, id"),
                new Case(Sort.unsorted(), "created_at, id"),
                new Case(null, "created_at, id"))) {
            List<Long> expected = ids("SELECT id FROM items WHERE tenant_id = 1 AND kind IN ('a', 'b') ORDER BY "
                    + c.orderBy());
            walk(String.valueOf(c.sort()), expected, 1000, request -> items.sorted(1L, AB, c.sort(), request));
        }
        walk("sorted, unfiltered", ids("SELECT id FROM items WHERE tenant_id = 1 ORDER BY name, created_at, id"), 500,
                request -> items.sorted(1L, null, Sort.asc(ItemSort.NAME), request));
    }

    @Test
    void aListMethodReturnsThePagesRowsWithoutACount() {
        List<Long> expected = ids(ORDERED_AB);
        List<Long> seen = new ArrayList<>();
        PageRequest request = PageRequest.ofSize(1000);
        for (int number = 1; number <= 12; number++) {
            statements.reset();
            List<Item> rows = items.list(1L, AB, request);
            assertEquals(1, statements.count(), statements.executed()::toString);
            int from = Math.min((number - 1) * 1000, FILTERED);
            assertEquals(expected.subList(from, Math.min(from + 1000, FILTERED)), idsOf(rows), "page " + number);
            seen.addAll(idsOf(rows));
            request = request.next();
        }
        assertEquals(expected, seen);
        assertEquals(expected.subList(10, 20), idsOf(items.list(1L, AB, PageRequest.ofPage(2, 10))));
    }

    /** A cursor is for CursoredPage methods: a method that pages by number refuses it before running anything. */
    @Test
    void aCursorOnAMethodThatPagesByNumberIsRefusedBeforeAnySql() {
        String cursor = items.feedAsc(1L, AB, PageRequest.ofSize(10)).nextCursor().orElseThrow();
        PageRequest after = PageRequest.afterCursor(cursor, 10);
        List<Executable> calls = List.of(
                () -> items.page(1L, AB, Optional.empty(), after),
                () -> items.list(1L, AB, after),
                () -> items.sorted(1L, AB, Sort.asc(ItemSort.NAME), after),
                () -> items.taggedSelectIn(6L, after),
                () -> items.taggedJoined(6L, after),
                () -> join(items.pageAsync(1L, AB, after)));
        List<String> names = List.of("page", "list", "sorted", "taggedSelectIn", "taggedJoined", "pageAsync");
        for (int i = 0; i < calls.size(); i++) {
            statements.reset();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, calls.get(i), names.get(i));
            assertTrue(e.getMessage().contains("Items." + names.get(i)), e.getMessage());
            assertEquals(0, statements.count(), statements.executed()::toString);
        }
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
    void anAsyncPageIsTheSamePage() throws Throwable {
        List<Long> expected = ids(ORDERED_AB);
        for (int number = 1; number <= 11; number++) {
            PageRequest request = PageRequest.ofPage(number, 1000);
            Page<Item> async = join(items.pageAsync(1L, AB, request));
            assertEquals(items.page(1L, AB, Optional.empty(), request), async, "page " + number);
            assertEquals(FILTERED, async.totalElements());
            assertEquals(number < 11, async.hasNext());
        }
        walk("async", expected, 1000, request -> {
            try {
                return join(items.pageAsync(1L, AB, request));
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        });
        Page<Item> empty = join(items.pageAsync(99L, null, PageRequest.ofSize(5)));
        assertEquals(0, empty.totalElements());
        assertEquals(List.of(), empty.content());
    }

    /** Tenant 8 only ever exists inside a transaction this test rolls back. */
    @Test
    void aPageInTheCallersTransactionSeesAndCountsItsRows() {
        final class Rollback extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        assertThrows(Rollback.class, () -> statements.db.transaction(() -> {
            for (long id = 70_001; id <= 70_015; id++) {
                items.add(id, 8L);
            }
            Page<Item> first = items.page(8L, null, Optional.empty(), PageRequest.ofSize(10));
            assertEquals(15, first.totalElements());
            assertEquals(2, first.totalPages());
            assertTrue(first.hasNext());
            Page<Item> second = items.page(8L, null, Optional.empty(), first.nextPageRequest().orElseThrow());
            assertEquals(List.of(70_011L, 70_012L, 70_013L, 70_014L, 70_015L), idsOf(second.content()));
            CursoredPage<Item> feed = items.feedAsc(8L, null, PageRequest.ofSize(10));
            assertEquals(10, feed.content().size());
            assertEquals(5, items.feedAsc(8L, null, feed.nextPageRequest().orElseThrow()).content().size());
            throw new Rollback();
        }));
        Page<Item> after = items.page(8L, null, Optional.empty(), PageRequest.ofSize(10));
        assertEquals(0, after.totalElements());
    }

    @Test
    void aTransactionalPageRunsItsRowsAndCountOnOneConnection() {
        List<Long> expected = ids(ORDERED_AB);
        statements.reset();
        Page<Item> page = items.pageInSnapshot(1L, AB, PageRequest.ofPage(3, 1000));
        assertEquals(expected.subList(2000, 3000), idsOf(page.content()));
        assertEquals(FILTERED, page.totalElements());
        assertEquals(1, statements.borrowed(), statements.executed()::toString);
        assertEquals(1, statements.executed().stream().filter(sql -> sql.contains("count(")).count(),
                statements.executed()::toString);
        walk("in a snapshot", expected, 1000, request -> items.pageInSnapshot(1L, AB, request));
    }

    /** The count counts the statement's rows, whatever makes them: groups, DISTINCT, a WITH. */
    @Test
    void theCountIsOfTheStatementsRowsNotOfTheTablesRows() {
        List<String> kinds = List.of("a", "b", "c");
        walk("groups", kinds, 2, request -> items.kindCounts(1L, request), Items.KindCount::kind);
        Page<Items.KindCount> groups = items.kindCounts(1L, PageRequest.ofSize(2));
        assertEquals(3, groups.totalElements());
        assertEquals(ids("SELECT count(*) FROM items WHERE tenant_id = 1 AND kind = 'a'").get(0),
                groups.content().get(0).n());

        List<String> names = names("SELECT DISTINCT name FROM items WHERE tenant_id = 1 ORDER BY name");
        assertTrue(names.size() > 500 && names.size() < 12_000, () -> names.size() + " names");
        for (int size : new int[] {10, 100}) {
            walk("distinct names", names, size, request -> items.names(1L, request), name -> name);
        }

        walk("with", ids(ORDERED_AB), 1000, request -> items.viaWith(1L, AB, request));
        walk("with, unfiltered", ids("SELECT id FROM items WHERE tenant_id = 4 ORDER BY created_at, id"), 10,
                request -> items.viaWith(4L, null, request));
    }

    private static List<String> names(String sql) {
        try (java.sql.Connection c = testDb.dataSource().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void aJoinedStatementCountsItsOwnRows() {
        List<Long> expected = ids("SELECT i.id FROM items i JOIN tags t ON t.item_id = i.id WHERE i.tenant_id = 6 "
                + "AND t.label LIKE '%.1' ORDER BY i.created_at DESC, i.id");
        for (int size : new int[] {1, 7, 100}) {
            walk("joined", expected, size, request -> items.pageJoined(6L, request), Items.Stamped::id);
        }
    }

    /** The SQL echo shows what ran: the page's statement, and its count only when one ran. */
    @Test
    void theEchoShowsTheCountOnlyWhenItRuns() {
        try (SqlCapture sql = new SqlCapture()) {
            items.page(7L, null, Optional.empty(), PageRequest.ofSize(10));
            List<String> full = sql.statements("Items.page");
            assertEquals(2, full.size(), full::toString);
            assertTrue(full.get(1).contains("count("), full::toString);
            items.page(7L, null, Optional.empty(), PageRequest.ofSize(30));
            assertEquals(3, sql.statements("Items.page").size(), sql.statements("Items.page")::toString);
        }
    }

    /** Integer.MAX_VALUE rows a page: one page of everything, its total told by its rows. */
    @Test
    void theLargestSizeIsOnePage() {
        List<Long> expected = ids(ORDERED_AB);
        walk("largest", expected, Integer.MAX_VALUE, request -> items.page(1L, AB, Optional.empty(), request));
        assertEquals(expected, idsOf(items.list(1L, AB, PageRequest.ofSize(Integer.MAX_VALUE))));
        assertEquals(List.of(), items.list(1L, AB, PageRequest.ofPage(2, Integer.MAX_VALUE)));
        Page<Item> second = items.page(1L, AB, Optional.empty(), PageRequest.ofPage(2, Integer.MAX_VALUE));
        assertEquals(FILTERED, second.totalElements());
        assertEquals(1, second.totalPages());
    }
}
