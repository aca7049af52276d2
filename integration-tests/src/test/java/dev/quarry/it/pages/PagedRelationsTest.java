package dev.quarry.it.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.annotations.FetchStrategy;
import dev.quarry.it.pages.Items.Tag;
import dev.quarry.it.pages.Items.Tagged;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pages of rows that carry children (tenant 6: 55 parents with 0 to 3 tags each), under SELECT_IN
 * and JOINED: a page holds parents, a parent with three tags counts once, and each parent has all
 * its tags.
 */
@PostgresTest
class PagedRelationsTest {
    private static final int PARENTS = 55;

    private static TestDatabase testDb;
    private static Statements statements;
    private static Items items;
    private static Map<Long, List<Long>> tagsByParent;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        ItemsData.create(database);
        statements = new Statements(database);
        items = statements.db.repository(Items.class);
        tagsByParent = new HashMap<>();
        for (long parent : ItemsData.ids(database, "SELECT id FROM items WHERE tenant_id = 6")) {
            tagsByParent.put(parent, ItemsData.ids(database, "SELECT id FROM tags WHERE item_id = ? ORDER BY id", parent));
        }
        if (ItemsData.ids(database, "SELECT t.id FROM tags t JOIN items i ON i.id = t.item_id WHERE i.tenant_id = 6").size()
                <= PARENTS) {
            throw new IllegalStateException("the joined rows must outnumber the parents");
        }
    }

    @AfterAll
    static void tearDown() {
        statements.close();
    }

    private static void assertChildren(List<Tagged> parents, String at) {
        for (Tagged parent : parents) {
            assertEquals(tagsByParent.get(parent.id()), parent.tags().stream().map(Tag::id).toList(),
                    at + ": tags of " + parent.id());
            parent.tags().forEach(tag -> assertEquals(parent.id(), tag.itemId()));
        }
    }

    private static Function<PageRequest, Page<Tagged>> byNumber(FetchStrategy strategy) {
        return strategy == FetchStrategy.JOINED ? request -> items.taggedJoined(6L, request)
                : request -> items.taggedSelectIn(6L, request);
    }

    private static Function<PageRequest, CursoredPage<Tagged>> byKeyset(FetchStrategy strategy) {
        return strategy == FetchStrategy.JOINED ? request -> items.taggedFeedJoined(6L, request)
                : request -> items.taggedFeedSelectIn(6L, request);
    }

    @Test
    void pagesByNumberHoldParentsAndCountParents() {
        List<Long> expected = ItemsData.ids(testDb, "SELECT id FROM items WHERE tenant_id = 6 ORDER BY created_at, id");
        assertEquals(PARENTS, expected.size());
        for (FetchStrategy strategy : FetchStrategy.values()) {
            for (int size : new int[] {1, 3, 10, 55, 60}) {
                long pages = (PARENTS + size - 1) / size;
                List<Long> seen = new ArrayList<>();
                Optional<PageRequest> next = Optional.of(PageRequest.ofSize(size));
                long number = 0;
                while (next.isPresent()) {
                    number++;
                    String at = strategy + ", size " + size + ", page " + number;
                    statements.reset();
                    Page<Tagged> page = byNumber(strategy).apply(next.get());
                    long counts = statements.executed().stream().filter(sql -> sql.contains("count(")).count();
                    assertEquals(page.content().size() == size ? 1 : 0, counts, () -> at + ": " + statements.executed());
                    assertEquals(PARENTS, page.totalElements(), at);
                    assertEquals(pages, page.totalPages(), at);
                    assertEquals(number < pages ? size : PARENTS - (pages - 1) * size, page.content().size(), at);
                    assertChildren(page.content(), at);
                    page.content().forEach(parent -> seen.add(parent.id()));
                    next = page.nextPageRequest();
                    assertEquals(number < pages, page.hasNext(), at);
                }
                assertEquals(pages, number);
                assertEquals(expected, seen, strategy + ", size " + size);
            }
        }
    }

    /** A parent with three tags alone on a page: one parent, three children, out of 55. */
    @Test
    void aParentWithSeveralChildrenIsOneRowOfItsPage() {
        List<Long> expected = ItemsData.ids(testDb, "SELECT id FROM items WHERE tenant_id = 6 ORDER BY created_at, id");
        int index = 0;
        while (tagsByParent.get(expected.get(index)).size() < 3) {
            index++;
        }
        for (FetchStrategy strategy : FetchStrategy.values()) {
            Page<Tagged> page = byNumber(strategy).apply(PageRequest.ofPage(index + 1, 1));
            assertEquals(1, page.content().size(), strategy.toString());
            assertEquals(expected.get(index), page.content().get(0).id());
            assertEquals(3, page.content().get(0).tags().size());
            assertEquals(PARENTS, page.totalElements(), strategy.toString());
            Page<Tagged> pair = byNumber(strategy).apply(PageRequest.ofPage(index / 2 + 1, 2));
            assertEquals(expected.subList(index / 2 * 2, index / 2 * 2 + 2),
                    pair.content().stream().map(Tagged::id).toList(), strategy.toString());
        }
    }

    @Test
    void keysetPagesHoldParents() {
        List<Long> expected = ItemsData.ids(testDb, "SELECT id FROM items WHERE tenant_id = 6 ORDER BY created_at DESC, id");
        for (FetchStrategy strategy : FetchStrategy.values()) {
            for (int size : new int[] {1, 2, 3, 10, 54, 55, 56}) {
                long pages = (PARENTS + size - 1) / size;
                List<Long> seen = new ArrayList<>();
                Optional<PageRequest> next = Optional.of(PageRequest.ofSize(size));
                long number = 0;
                while (next.isPresent()) {
                    number++;
                    String at = strategy + ", size " + size + ", page " + number;
                    assertTrue(number <= pages, at + ": more pages than parents");
                    CursoredPage<Tagged> page = byKeyset(strategy).apply(next.get());
                    assertEquals(number < pages ? size : PARENTS - (pages - 1) * size, page.content().size(), at);
                    assertEquals(number < pages, page.hasNext(), at);
                    assertChildren(page.content(), at);
                    page.content().forEach(parent -> seen.add(parent.id()));
                    next = page.nextPageRequest();
                }
                assertEquals(expected, seen, strategy + ", size " + size);
            }
        }
        CursoredPage<Tagged> none = items.taggedFeedJoined(99L, PageRequest.ofSize(5));
        assertEquals(List.of(), none.content());
        assertFalse(none.hasNext());
    }

    @Test
    void aListPageUnderJoinedHoldsParents() {
        List<Long> expected = ItemsData.ids(testDb, "SELECT id FROM items WHERE tenant_id = 6 ORDER BY created_at, id");
        for (int size : new int[] {1, 4, 10}) {
            List<Long> seen = new ArrayList<>();
            PageRequest request = PageRequest.ofSize(size);
            for (int number = 1; number <= (PARENTS + size - 1) / size + 1; number++) {
                statements.reset();
                List<Tagged> rows = items.taggedListJoined(6L, request);
                assertEquals(1, statements.count(), statements.executed()::toString);
                int from = Math.min((number - 1) * size, PARENTS);
                assertEquals(expected.subList(from, Math.min(from + size, PARENTS)),
                        rows.stream().map(Tagged::id).toList(), "size " + size + ", page " + number);
                assertChildren(rows, "size " + size + ", page " + number);
                rows.forEach(parent -> seen.add(parent.id()));
                request = request.next();
            }
            assertEquals(expected, seen);
        }
    }
}
