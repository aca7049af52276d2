package dev.quarry.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What generated code decides around a page's statements: which request it takes, and when a count runs. */
class PagesTest {
    private static final String METHOD = "Items.page";

    @Test
    void theRowsTellTheTotalOnlyWhenThePageIsNotFullAndNotAnEmptyPageAfterTheFirst() {
        assertEquals(0, Pages.knownTotal(PageRequest.ofSize(10), 0), "an empty first page: the result is empty");
        assertEquals(3, Pages.knownTotal(PageRequest.ofSize(10), 3));
        assertEquals(9, Pages.knownTotal(PageRequest.ofSize(10), 9));
        assertEquals(-1, Pages.knownTotal(PageRequest.ofSize(10), 10), "a full page: more may follow");
        assertEquals(23, Pages.knownTotal(PageRequest.ofPage(3, 10), 3));
        assertEquals(-1, Pages.knownTotal(PageRequest.ofPage(3, 10), 10));
        assertEquals(-1, Pages.knownTotal(PageRequest.ofPage(3, 10), 0), "an empty later page: past the end, by how much?");
        assertEquals(-1, Pages.knownTotal(PageRequest.ofSize(1), 1));
        assertEquals(0, Pages.knownTotal(PageRequest.ofSize(1), 0));
    }

    @Test
    void aCountThatSawFewerRowsThanThePageIsRaisedToThem() {
        // rows deleted between the page's statement and its count
        Page<Long> page = Pages.page(List.of(10L, 11L, 12L, 13L, 14L), PageRequest.ofPage(3, 5), 12);
        assertEquals(15, page.totalElements());
        assertEquals(3, page.totalPages());
        assertFalse(page.hasNext());
        Page<Long> counted = Pages.page(List.of(10L, 11L, 12L, 13L, 14L), PageRequest.ofPage(3, 5), 40);
        assertEquals(40, counted.totalElements());
        assertTrue(counted.hasNext());
    }

    /** Page 5 of a result that has 3 pages: nothing on it, and the count is the truth. */
    @Test
    void anEmptyPagePastTheEndKeepsTheCountedTotal() {
        Page<Long> past = Pages.page(List.of(), PageRequest.ofPage(5, 10), 30);
        assertEquals(List.of(), past.content());
        assertEquals(30, past.totalElements());
        assertEquals(3, past.totalPages());
        assertFalse(past.hasNext());
    }

    @Test
    void aMethodThatPagesByNumberRefusesACursor() {
        PageRequest byNumber = PageRequest.ofPage(2, 10);
        assertSame(byNumber, Pages.byNumber(byNumber, METHOD));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pages.byNumber(PageRequest.afterCursor("AQID", 10), METHOD));
        assertTrue(e.getMessage().startsWith(METHOD + " "), e.getMessage());
    }

    @Test
    void aKeysetMethodTakesTheFirstPageOrACursorNotANumber() {
        assertNull(Pages.after(PageRequest.ofSize(10), 7L, "Items.feed"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pages.after(PageRequest.ofPage(2, 10), 7L, "Items.feed"));
        assertTrue(e.getMessage().startsWith("Items.feed "), e.getMessage());
        String cursor = Cursors.write(7L, "Items.feed").putLong(42L, "id").encode();
        assertEquals(42L, Pages.after(PageRequest.afterCursor(cursor, 10), 7L, "Items.feed").getLong());
        assertThrows(IllegalArgumentException.class, () -> Pages.after(PageRequest.afterCursor(cursor, 10), 8L, "Items.feed"));
    }
}
