package dev.quarry.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a method's rows by keyset: the rows after the previous page's last row in the
 * statement's {@code ORDER BY}, and a cursor that carries this page's last row's keys to ask for
 * the rows after it. Rows inserted or deleted between pages neither repeat a row nor skip one
 * that existed throughout. Immutable.
 *
 * @param <R> the row type
 */
public final class CursoredPage<R> {
    private final List<R> content;
    private final int size;
    private final String nextCursor;

    private CursoredPage(List<R> content, int size, String nextCursor) {
        this.content = content;
        this.size = size;
        this.nextCursor = nextCursor;
    }

    /**
     * A page of {@code content} (copied), asked for with {@code size} rows, followed by the page
     * {@code nextCursor} asks for, or by none when it is {@code null}.
     */
    public static <R> CursoredPage<R> of(List<R> content, int size, String nextCursor) {
        Objects.requireNonNull(content, "content");
        if (size < 1 || content.size() > size) {
            throw new IllegalArgumentException(content.size() + " rows on a page of " + size);
        }
        return new CursoredPage<>(Collections.unmodifiableList(new ArrayList<>(content)), size, nextCursor);
    }

    /** The rows of this page, in the statement's order. */
    public List<R> content() {
        return content;
    }

    /** Rows per page, as requested. */
    public int size() {
        return size;
    }

    /** Whether rows follow this page. */
    public boolean hasNext() {
        return nextCursor != null;
    }

    /** The opaque, URL-safe cursor of the rows after this page, when there are any. */
    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    /** The request for the next page, of the same size, when there is one. */
    public Optional<PageRequest> nextPageRequest() {
        return nextCursor == null ? Optional.empty() : Optional.of(PageRequest.afterCursor(nextCursor, size));
    }

    /** The same page with each row converted by {@code mapper}. */
    public <T> CursoredPage<T> map(Function<? super R, ? extends T> mapper) {
        List<T> mapped = new ArrayList<>(content.size());
        content.forEach(row -> mapped.add(mapper.apply(row)));
        return new CursoredPage<>(Collections.unmodifiableList(mapped), size, nextCursor);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CursoredPage<?> page && page.size == size && Objects.equals(page.nextCursor, nextCursor)
                && page.content.equals(content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(content, size, nextCursor);
    }

    /** {@code CursoredPage[size=50, rows=50, next=…]}. */
    @Override
    public String toString() {
        return "CursoredPage[size=" + size + ", rows=" + content.size() + ", next=" + (nextCursor == null ? "none" : nextCursor)
                + "]";
    }
}
