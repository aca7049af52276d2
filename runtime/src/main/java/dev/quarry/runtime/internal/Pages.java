package dev.quarry.runtime.internal;

import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import java.util.Arrays;
import java.util.List;

/** What generated code of a method with a {@link PageRequest} calls around its statements. */
public final class Pages {
    private Pages() {}

    /** Room for a page's rows and the one after it, up to a bound a huge page size does not reserve at once. */
    public static int capacity(PageRequest page) {
        return Math.min(page.size(), 4096) + 1;
    }

    /**
     * What a keyset page binds, for the trace: the statement's own values, then the cursor's keys
     * ({@code null} on the first page) and the limit.
     */
    public static Object[] traced(Object[] values, Object[] keys, long limit) {
        int k = keys == null ? 0 : keys.length;
        Object[] all = Arrays.copyOf(values, values.length + k + 1);
        if (k > 0) {
            System.arraycopy(keys, 0, all, values.length, k);
        }
        all[values.length + k] = limit;
        return all;
    }

    /** The request of a method that pages by number: a cursor belongs to {@code CursoredPage} methods. */
    public static PageRequest byNumber(PageRequest page, String method) {
        if (page.cursor().isPresent()) {
            throw new IllegalArgumentException(method + " pages by number (PageRequest.ofPage), not after a cursor; "
                    + "cursors are for methods that return CursoredPage");
        }
        return page;
    }

    /**
     * The total the rows of a page tell without a count: a page that is not full, if it has rows or
     * is the first, ends the result; -1 when a count must tell.
     */
    public static long knownTotal(PageRequest page, int rows) {
        return rows < page.size() && (rows > 0 || page.offset() == 0) ? page.offset() + rows : -1;
    }

    /**
     * The page, out of {@code counted} rows; a count that ran after the page's rows were read and
     * saw fewer (rows deleted between the two) is raised to the rows the page has seen; an empty
     * page past the end takes the count as it is.
     */
    public static <R> Page<R> page(List<R> rows, PageRequest page, long counted) {
        return Page.of(rows, page, rows.isEmpty() ? counted : Math.max(counted, page.offset() + rows.size()));
    }

    /**
     * The keys after which a keyset page starts, or {@code null} for the first page; page numbers
     * other than 1 mean nothing to keyset paging.
     */
    public static Cursors.Reader after(PageRequest page, long fingerprint, String method) {
        if (page.cursor().isPresent()) {
            return Cursors.read(page.cursor().get(), fingerprint, method);
        }
        if (page.number() != 1) {
            throw new IllegalArgumentException(method + " pages by keyset: page " + page.number() + " is reached with "
                    + "the cursor of the page before it (PageRequest.afterCursor), not by number");
        }
        return null;
    }
}
