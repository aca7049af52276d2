package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a caller may ask for, and what is refused before any repository sees it. */
class PageRequestTest {

    @Test
    void aSizeBelowOneIsRefusedByEveryFactory() {
        for (int size : new int[] {0, -1, -50, Integer.MIN_VALUE}) {
            IllegalArgumentException ofSize = assertThrows(IllegalArgumentException.class, () -> PageRequest.ofSize(size));
            assertTrue(ofSize.getMessage().contains(String.valueOf(size)), ofSize.getMessage());
            assertThrows(IllegalArgumentException.class, () -> PageRequest.ofPage(1, size));
            assertThrows(IllegalArgumentException.class, () -> PageRequest.ofPage(3, size));
            assertThrows(IllegalArgumentException.class, () -> PageRequest.afterCursor("AQID", size));
        }
        assertEquals(1, PageRequest.ofSize(1).size());
        assertEquals(Integer.MAX_VALUE, PageRequest.ofSize(Integer.MAX_VALUE).size());
    }

    @Test
    void aNumberBelowOneIsRefused() {
        for (long number : new long[] {0, -1, -2, Long.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PageRequest.ofPage(number, 10));
            assertTrue(e.getMessage().contains(String.valueOf(number)), e.getMessage());
        }
    }

    @Test
    void numbersAndOffsets() {
        PageRequest first = PageRequest.ofSize(25);
        assertEquals(1, first.number());
        assertEquals(25, first.size());
        assertEquals(0, first.offset());
        assertEquals(Optional.empty(), first.cursor());

        PageRequest third = PageRequest.ofPage(3, 25);
        assertEquals(3, third.number());
        assertEquals(50, third.offset());
        assertEquals(PageRequest.ofPage(4, 25), third.next());
        assertEquals(PageRequest.ofPage(2, 25), first.next());
        // an offset beyond int: the count of rows to skip is a long
        assertEquals(4_000_000_000L, PageRequest.ofPage(4_000_001, 1000).offset());
    }

    @Test
    void anOffsetBeyondLongIsRefusedNotWrapped() {
        // the largest page of each size whose first row is still within Long.MAX_VALUE rows
        for (int size : new int[] {1, 2, 3, 7, 10, 1000, Integer.MAX_VALUE}) {
            long last = size == 1 ? Long.MAX_VALUE : Long.MAX_VALUE / size + 1;
            PageRequest edge = PageRequest.ofPage(last, size);
            assertTrue(edge.offset() >= 0, "offset of " + edge);
            assertEquals((last - 1) * size, edge.offset(), edge::toString);
            assertTrue(size == 1 || Long.MAX_VALUE - edge.offset() < size, "the next page would start beyond Long.MAX_VALUE");
            if (last < Long.MAX_VALUE) {
                assertThrows(IllegalArgumentException.class, () -> PageRequest.ofPage(last + 1, size), "size " + size);
            }
            assertThrows(IllegalArgumentException.class, edge::next, "next of " + edge);
        }
        assertThrows(IllegalArgumentException.class, () -> PageRequest.ofPage(Long.MAX_VALUE, 2));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.ofPage(Long.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(Long.MAX_VALUE - 1, PageRequest.ofPage(Long.MAX_VALUE, 1).offset());
    }

    @Test
    void afterACursor() {
        PageRequest after = PageRequest.afterCursor("AQIDBAUG-_", 20);
        assertEquals(Optional.of("AQIDBAUG-_"), after.cursor());
        assertEquals(20, after.size());
        assertEquals(0, after.offset());
        assertEquals(0, after.number());
        // the page after a cursor is asked for with the next cursor, which only the rows can give
        assertThrows(IllegalStateException.class, after::next);
    }

    @Test
    void anEmptyOrMissingCursorIsRefused() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> PageRequest.afterCursor("", 20));
        assertTrue(empty.getMessage().contains("PageRequest.ofSize(20)"), empty.getMessage());
        NullPointerException missing = assertThrows(NullPointerException.class, () -> PageRequest.afterCursor(null, 20));
        assertTrue(missing.getMessage().contains("cursor"), missing.getMessage());
    }

    @Test
    void equalityHashAndText() {
        assertEquals(PageRequest.ofSize(10), PageRequest.ofPage(1, 10));
        assertEquals(PageRequest.ofSize(10).hashCode(), PageRequest.ofPage(1, 10).hashCode());
        assertEquals(PageRequest.ofPage(7, 3), PageRequest.ofPage(7, 3));
        assertEquals(PageRequest.ofPage(7, 3).hashCode(), PageRequest.ofPage(7, 3).hashCode());
        assertEquals(PageRequest.afterCursor("abc", 5), PageRequest.afterCursor("abc", 5));
        assertEquals(PageRequest.afterCursor("abc", 5).hashCode(), PageRequest.afterCursor("abc", 5).hashCode());

        List<PageRequest> different = List.of(PageRequest.ofPage(1, 10), PageRequest.ofPage(2, 10),
                PageRequest.ofPage(1, 11), PageRequest.afterCursor("abc", 10), PageRequest.afterCursor("abd", 10),
                PageRequest.afterCursor("abc", 11));
        for (int i = 0; i < different.size(); i++) {
            for (int j = 0; j < different.size(); j++) {
                if (i != j) {
                    assertNotEquals(different.get(i), different.get(j), different.get(i) + " vs " + different.get(j));
                }
            }
            assertNotEquals(null, different.get(i));
            assertNotEquals("PageRequest", different.get(i));
        }

        assertEquals("PageRequest[page=3, size=50]", PageRequest.ofPage(3, 50).toString());
        assertEquals("PageRequest[page=1, size=1]", PageRequest.ofSize(1).toString());
        assertEquals("PageRequest[after=AQID, size=50]", PageRequest.afterCursor("AQID", 50).toString());
    }
}
