package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The arithmetic of a page by number: how many pages, whether one follows, and which. */
class PageTest {

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    private static List<Long> rows(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    /** Page {@code request} of a result of {@code total} rows numbered from 0. */
    private static Page<Long> pageOf(PageRequest request, long total) {
        long from = Math.min(request.offset(), total);
        return Page.of(rows(from, Math.min(total, from + request.size())), request, total);
    }

    @Test
    void anEmptyResultHasNoPagesAndNoNext() {
        Page<Long> page = Page.of(List.of(), PageRequest.ofSize(10), 0);
        assertEquals(List.of(), page.content());
        assertEquals(1, page.number());
        assertEquals(10, page.size());
        assertEquals(0, page.totalElements());
        assertEquals(0, page.totalPages());
        assertFalse(page.hasNext());
        assertEquals(Optional.empty(), page.nextPageRequest());
    }

    @Test
    void oneRow() {
        Page<Long> page = Page.of(List.of(7L), PageRequest.ofSize(10), 1);
        assertEquals(1, page.totalPages());
        assertFalse(page.hasNext());
        assertEquals(Optional.empty(), page.nextPageRequest());
        Page<Long> ofOne = Page.of(List.of(7L), PageRequest.ofSize(1), 1);
        assertEquals(1, ofOne.totalPages());
        assertFalse(ofOne.hasNext());
    }

    @Test
    void exactlyOneFullPage() {
        Page<Long> page = Page.of(rows(0, 10), PageRequest.ofSize(10), 10);
        assertEquals(1, page.totalPages());
        assertFalse(page.hasNext());
        assertEquals(Optional.empty(), page.nextPageRequest());
    }

    @Test
    void oneRowMoreThanAPage() {
        Page<Long> first = Page.of(rows(0, 10), PageRequest.ofSize(10), 11);
        assertEquals(2, first.totalPages());
        assertTrue(first.hasNext());
        assertEquals(Optional.of(PageRequest.ofPage(2, 10)), first.nextPageRequest());
        Page<Long> second = Page.of(List.of(10L), first.nextPageRequest().orElseThrow(), 11);
        assertEquals(2, second.number());
        assertEquals(10, second.size(), "the size requested, not the rows the last page holds");
        assertEquals(2, second.totalPages());
        assertFalse(second.hasNext());
        assertEquals(Optional.empty(), second.nextPageRequest());
    }

    @Test
    void exactMultiplesEndOnAFullPage() {
        for (int size : new int[] {1, 3, 10}) {
            for (int multiple = 1; multiple <= 4; multiple++) {
                long total = (long) size * multiple;
                assertEquals(multiple, pageOf(PageRequest.ofSize(size), total).totalPages(), size + " x " + multiple);
                Page<Long> last = pageOf(PageRequest.ofPage(multiple, size), total);
                assertEquals(size, last.content().size());
                assertFalse(last.hasNext(), "last page of " + total + " by " + size);
                if (multiple > 1) {
                    assertTrue(pageOf(PageRequest.ofPage(multiple - 1, size), total).hasNext());
                }
            }
        }
    }

    @Test
    void followingNextPageRequestWalksEveryRowOnce() {
        for (int size : new int[] {1, 2, 3, 10, 1000}) {
            for (long total : new long[] {0, 1, 2, 9, 10, 11, 20, 21, 99, 100, 101, 1000, 1001, 3000}) {
                List<Long> seen = new ArrayList<>();
                long pages = 0;
                Optional<PageRequest> next = Optional.of(PageRequest.ofSize(size));
                Page<Long> page = null;
                while (next.isPresent()) {
                    page = pageOf(next.get(), total);
                    pages++;
                    assertEquals(pages, page.number());
                    assertEquals(total, page.totalElements());
                    assertEquals((total + size - 1) / size, page.totalPages(), size + " / " + total);
                    seen.addAll(page.content());
                    next = page.nextPageRequest();
                    assertEquals(next.isPresent(), page.hasNext());
                }
                assertEquals(rows(0, total), seen, "size " + size + ", total " + total);
                assertEquals(Math.max(1, (total + size - 1) / size), pages);
                long lastRows = total == 0 ? 0 : total % size == 0 ? size : total % size;
                assertEquals(lastRows, page.content().size(), "last page of " + total + " by " + size);
            }
        }
    }

    @Test
    void totalsBeyondIntAndPagesNearTheEndOfLong() {
        Page<Long> page = Page.of(rows(0, 1000), PageRequest.ofPage(2, 1000), 5_000_000_001L);
        assertEquals(5_000_001, page.totalPages());
        assertTrue(page.hasNext());
        Page<Long> edge = Page.of(List.of(1L), PageRequest.ofPage(Long.MAX_VALUE, 1), Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, edge.totalPages());
        assertFalse(edge.hasNext());
        assertEquals(Optional.empty(), edge.nextPageRequest());
    }

    /** A caller may ask for a page past the end (a bookmarked page 5 of a result that shrank to 3). */
    @Test
    void aPagePastTheEndIsEmptyWithTheTrueTotal() {
        Page<Long> past = Page.of(List.of(), PageRequest.ofPage(5, 10), 30);
        assertEquals(List.of(), past.content());
        assertEquals(30, past.totalElements());
        assertEquals(3, past.totalPages());
        assertFalse(past.hasNext());
        assertEquals(Optional.empty(), past.nextPageRequest());
    }

    @Test
    void inconsistentPagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Page.of(rows(0, 11), PageRequest.ofSize(10), 11),
                "more rows than the size");
        assertThrows(IllegalArgumentException.class, () -> Page.of(rows(0, 10), PageRequest.ofSize(10), 9),
                "a total below the rows seen");
        assertThrows(IllegalArgumentException.class, () -> Page.of(rows(0, 5), PageRequest.ofPage(3, 10), 24),
                "a total below the offset plus the rows seen");
        assertThrows(IllegalArgumentException.class, () -> Page.of(List.of(), PageRequest.afterCursor("AQID", 10), 0),
                "a request after a cursor");
        assertThrows(NullPointerException.class, () -> Page.of(null, PageRequest.ofSize(10), 0));
        assertThrows(NullPointerException.class, () -> Page.of(List.of(), null, 0));
    }

    @Test
    void contentIsAnUnmodifiableCopy() {
        List<Long> source = new ArrayList<>(rows(0, 3));
        Page<Long> page = Page.of(source, PageRequest.ofSize(5), 3);
        source.set(0, 99L);
        source.add(100L);
        assertEquals(rows(0, 3), page.content());
        assertThrows(UnsupportedOperationException.class, () -> page.content().add(4L));
        assertThrows(UnsupportedOperationException.class, () -> page.content().set(0, 4L));
    }

    @Test
    void mapConvertsRowsAndKeepsThePage() {
        Page<Long> page = Page.of(rows(10, 20), PageRequest.ofPage(2, 10), 25);
        Page<String> mapped = page.map(n -> "#" + n);
        assertEquals(rows(10, 20).stream().map(n -> "#" + n).toList(), mapped.content());
        assertEquals(2, mapped.number());
        assertEquals(10, mapped.size());
        assertEquals(25, mapped.totalElements());
        assertEquals(3, mapped.totalPages());
        assertTrue(mapped.hasNext());
        assertEquals(page.nextPageRequest(), mapped.nextPageRequest());
        assertThrows(UnsupportedOperationException.class, () -> mapped.content().add("x"));
        assertEquals(List.of(), Page.<Long>of(List.of(), PageRequest.ofSize(3), 0).map(n -> n * 2).content());
    }

    @Test
    void equalityHashAndText() {
        Page<Long> a = Page.of(rows(100, 150), PageRequest.ofPage(3, 50), 340);
        Page<Long> b = Page.of(new ArrayList<>(rows(100, 150)), PageRequest.ofPage(3, 50), 340);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Page.of(rows(100, 150), PageRequest.ofPage(3, 50), 341));
        assertNotEquals(a, Page.of(rows(101, 151), PageRequest.ofPage(3, 50), 340));
        assertNotEquals(a, Page.of(rows(100, 150), PageRequest.ofPage(4, 50), 340));
        assertNotEquals(a, null);
        assertEquals("Page[3 of 7, size=50, rows=50, total=340]", a.toString());
        assertEquals("Page[1 of 0, size=10, rows=0, total=0]", Page.of(List.of(), PageRequest.ofSize(10), 0).toString());
    }
}
