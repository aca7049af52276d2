package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A keyset page: its rows, and the cursor (or none) that asks for the rows after them. */
class CursoredPageTest {

    @Test
    void theLastPageHasNoCursor() {
        CursoredPage<String> page = CursoredPage.of(List.of("a", "b"), 10, null);
        assertEquals(List.of("a", "b"), page.content());
        assertEquals(10, page.size());
        assertFalse(page.hasNext());
        assertEquals(Optional.empty(), page.nextCursor());
        assertEquals(Optional.empty(), page.nextPageRequest());
        CursoredPage<String> empty = CursoredPage.of(List.of(), 10, null);
        assertEquals(List.of(), empty.content());
        assertFalse(empty.hasNext());
    }

    @Test
    void aPageWithACursorAsksForTheRowsAfterItsOwnOfTheSameSize() {
        CursoredPage<String> page = CursoredPage.of(List.of("a", "b", "c"), 3, "AQIDBA");
        assertTrue(page.hasNext());
        assertEquals(Optional.of("AQIDBA"), page.nextCursor());
        assertEquals(Optional.of(PageRequest.afterCursor("AQIDBA", 3)), page.nextPageRequest());
        assertEquals(3, page.nextPageRequest().orElseThrow().size());
    }

    @Test
    void inconsistentPagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CursoredPage.of(List.of("a", "b"), 1, "AQID"));
        assertThrows(IllegalArgumentException.class, () -> CursoredPage.of(List.of(), 0, null));
        assertThrows(IllegalArgumentException.class, () -> CursoredPage.of(List.of(), -1, null));
        assertThrows(NullPointerException.class, () -> CursoredPage.of(null, 10, null));
    }

    @Test
    void contentIsAnUnmodifiableCopy() {
        List<String> source = new ArrayList<>(List.of("a", "b"));
        CursoredPage<String> page = CursoredPage.of(source, 5, "AQID");
        source.set(0, "z");
        source.add("c");
        assertEquals(List.of("a", "b"), page.content());
        assertThrows(UnsupportedOperationException.class, () -> page.content().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> page.content().remove(0));
    }

    @Test
    void mapConvertsRowsAndKeepsTheCursor() {
        CursoredPage<String> page = CursoredPage.of(List.of("a", "bb"), 2, "AQID");
        CursoredPage<Integer> mapped = page.map(String::length);
        assertEquals(List.of(1, 2), mapped.content());
        assertEquals(2, mapped.size());
        assertEquals(Optional.of("AQID"), mapped.nextCursor());
        assertEquals(page.nextPageRequest(), mapped.nextPageRequest());
        assertThrows(UnsupportedOperationException.class, () -> mapped.content().add(3));
        assertFalse(CursoredPage.of(List.of("a"), 2, null).map(String::length).hasNext());
    }

    @Test
    void equalityHashAndText() {
        CursoredPage<String> a = CursoredPage.of(List.of("a", "b"), 2, "AQID");
        CursoredPage<String> b = CursoredPage.of(new ArrayList<>(List.of("a", "b")), 2, "AQID");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, CursoredPage.of(List.of("a", "b"), 2, "AQIE"));
        assertNotEquals(a, CursoredPage.of(List.of("a", "b"), 2, null));
        assertNotEquals(a, CursoredPage.of(List.of("a", "b"), 3, "AQID"));
        assertNotEquals(a, CursoredPage.of(List.of("a", "c"), 2, "AQID"));
        assertNotEquals(a, null);
        assertEquals("CursoredPage[size=2, rows=2, next=AQID]", a.toString());
        assertEquals("CursoredPage[size=5, rows=0, next=none]", CursoredPage.of(List.of(), 5, null).toString());
    }
}
