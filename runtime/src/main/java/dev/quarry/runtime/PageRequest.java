package dev.quarry.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a method's rows a caller wants: a page number and size (offset paging, for
 * {@code List} and {@link Page} methods) or the cursor a {@link CursoredPage} gave for the page
 * after it (keyset paging). Immutable.
 *
 * <pre>{@code
 * Page<User> first = users.search(tenantId, PageRequest.ofSize(50));
 * Page<User> third = users.search(tenantId, PageRequest.ofPage(3, 50));
 *
 * CursoredPage<UserRow> feed = users.feed(tenantId, PageRequest.ofSize(50));
 * feed = users.feed(tenantId, PageRequest.afterCursor(feed.nextCursor().orElseThrow(), 50));
 * }</pre>
 */
public final class PageRequest {
    private final long number;
    private final int size;
    private final String cursor;

    private PageRequest(long number, int size, String cursor) {
        this.number = number;
        this.size = size;
        this.cursor = cursor;
    }

    /** The first page of {@code size} rows. */
    public static PageRequest ofSize(int size) {
        return ofPage(1, size);
    }

    /**
     * Page {@code number} (from 1) of {@code size} rows each.
     *
     * @throws IllegalArgumentException for a number or size below 1, or a page whose first row lies
     *     beyond {@code Long.MAX_VALUE}
     */
    public static PageRequest ofPage(long number, int size) {
        requireSize(size);
        if (number < 1) {
            throw new IllegalArgumentException("page numbers start at 1, not " + number);
        }
        if (number - 1 > Long.MAX_VALUE / size) {
            throw new IllegalArgumentException("page " + number + " of size " + size + " starts beyond the last row "
                    + "a statement can skip");
        }
        return new PageRequest(number, size, null);
    }

    /**
     * The {@code size} rows after those of the page that gave {@code cursor}
     * ({@link CursoredPage#nextCursor()}); only the method that made the cursor takes it.
     *
     * @throws IllegalArgumentException for a size below 1 or an empty cursor
     */
    public static PageRequest afterCursor(String cursor, int size) {
        Objects.requireNonNull(cursor, "cursor");
        requireSize(size);
        if (cursor.isEmpty()) {
            throw new IllegalArgumentException("an empty cursor; the first page is PageRequest.ofSize(" + size + ")");
        }
        return new PageRequest(0, size, cursor);
    }

    private static void requireSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least 1 row, not " + size);
        }
    }

    /** The page number from 1; 0 for a request after a cursor, whose number is not known. */
    public long number() {
        return number;
    }

    /** Rows per page. */
    public int size() {
        return size;
    }

    /** The cursor of the page before this one, for keyset paging. */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    /** Rows before this page: {@code (number - 1) * size}, 0 after a cursor. */
    public long offset() {
        return cursor != null ? 0 : (number - 1) * size;
    }

    /** The page after this one, of the same size; only for offset paging. */
    public PageRequest next() {
        if (cursor != null) {
            throw new IllegalStateException("the page after a cursor is asked for with the next cursor");
        }
        return ofPage(number + 1, size);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageRequest request && request.number == number && request.size == size
                && Objects.equals(request.cursor, cursor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, size, cursor);
    }

    /** {@code PageRequest[page=3, size=50]} or {@code PageRequest[after=…, size=50]}. */
    @Override
    public String toString() {
        return cursor == null ? "PageRequest[page=" + number + ", size=" + size + "]"
                : "PageRequest[after=" + cursor + ", size=" + size + "]";
    }
}
