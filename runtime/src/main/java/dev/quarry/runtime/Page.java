package dev.quarry.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a method's rows by number, with the total the whole result holds. The total comes
 * from a count of the statement's rows (with the same filters), run only when the page does not
 * tell it already: a page that is not full, or an empty first page, needs no count. Immutable.
 *
 * @param <R> the row type
 */
public final class Page<R> {
    private final List<R> content;
    private final PageRequest request;
    private final long totalElements;

    private Page(List<R> content, PageRequest request, long totalElements) {
        this.content = content;
        this.request = request;
        this.totalElements = totalElements;
    }

    /**
     * A page of {@code content} (copied) for {@code request}, out of {@code totalElements} rows.
     *
     * @throws IllegalArgumentException for a request after a cursor, more rows than its size, or a
     *     total that leaves no room for them (an empty page past the end may have any total)
     */
    public static <R> Page<R> of(List<R> content, PageRequest request, long totalElements) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(request, "request");
        if (request.cursor().isPresent()) {
            throw new IllegalArgumentException("a Page is asked for by number, not after a cursor: " + request);
        }
        if (content.size() > request.size() || totalElements < 0
                || !content.isEmpty() && totalElements < request.offset() + content.size()) {
            throw new IllegalArgumentException(content.size() + " rows on " + request + " out of " + totalElements);
        }
        return new Page<>(Collections.unmodifiableList(new ArrayList<>(content)), request, totalElements);
    }

    /** The rows of this page, in the statement's order. */
    public List<R> content() {
        return content;
    }

    /** This page's number, from 1. */
    public long number() {
        return request.number();
    }

    /** Rows per page, as requested (the last page may hold fewer). */
    public int size() {
        return request.size();
    }

    /** Rows of the whole result. */
    public long totalElements() {
        return totalElements;
    }

    /** Pages of the whole result: 0 when it is empty. */
    public long totalPages() {
        return totalElements / request.size() + (totalElements % request.size() == 0 ? 0 : 1);
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return request.number() < totalPages();
    }

    /** The request for the next page, when there is one. */
    public Optional<PageRequest> nextPageRequest() {
        return hasNext() ? Optional.of(request.next()) : Optional.empty();
    }

    /** The same page with each row converted by {@code mapper}. */
    public <T> Page<T> map(Function<? super R, ? extends T> mapper) {
        List<T> mapped = new ArrayList<>(content.size());
        content.forEach(row -> mapped.add(mapper.apply(row)));
        return new Page<>(Collections.unmodifiableList(mapped), request, totalElements);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Page<?> page && page.request.equals(request) && page.totalElements == totalElements
                && page.content.equals(content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(content, request, totalElements);
    }

    /** {@code Page[3 of 7, size=50, rows=50, total=340]}. */
    @Override
    public String toString() {
        return "Page[" + number() + " of " + totalPages() + ", size=" + size() + ", rows=" + content.size()
                + ", total=" + totalElements + "]";
    }
}
