package dev.quarry.runtime.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Cuts an upsert's input into chunks with one row per key (the last one given), each chunk in
 * input order. The statement keeps the last row of each key again, by row number, as PostgreSQL
 * compares keys once stored ({@code 1.001} and {@code 1.004} are one {@code numeric(10,2)}), and
 * writes its rows in key order, so that upserts locking rows in one order cannot deadlock. A
 * collection is already in memory, so it is sorted as a whole, which puts the lowest keys in the
 * first chunk; other inputs are taken chunk by chunk, holding one chunk at a time.
 *
 * <p>Rows whose key has a NULL never conflict in PostgreSQL, so they are never merged.
 */
final class UpsertChunks<T> implements Iterator<List<T>> {
    /** A row and where it came in the input. */
    private record Given<T>(T row, int position) {}

    private final BulkRows<T> rows;
    private final String method;
    private final int chunkSize;
    private final Comparator<Given<T>> order;
    private final Predicate<? super T> nullKey;
    private List<Given<T>> whole;
    private int offset;
    private int read;

    UpsertChunks(BulkRows<T> rows, String method, int chunkSize, Comparator<? super T> order,
                 Predicate<? super T> nullKey) {
        this.rows = rows;
        this.method = method;
        this.chunkSize = chunkSize;
        this.order = Comparator.comparing(Given::row, order);
        this.nullKey = nullKey;
        if (rows.knownSize() >= 0) {
            List<Given<T>> all = new ArrayList<>(rows.knownSize());
            while (rows.hasNext()) {
                all.add(new Given<>(rows.next(method), read++));
            }
            whole = reduce(all);
        }
    }

    @Override
    public boolean hasNext() {
        return whole != null ? offset < whole.size() : rows.hasNext();
    }

    @Override
    public List<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (whole != null) {
            int end = Math.min(whole.size(), offset + chunkSize);
            List<Given<T>> chunk = new ArrayList<>(whole.subList(offset, end));
            offset = end;
            return inputOrder(chunk);
        }
        List<Given<T>> chunk = new ArrayList<>(Math.min(chunkSize, 1024));
        while (chunk.size() < chunkSize && rows.hasNext()) {
            chunk.add(new Given<>(rows.next(method), read++));
        }
        return inputOrder(reduce(chunk));
    }

    /** Sorts by key (stably, so equal keys keep their input order) and keeps the last row of each key. */
    private List<Given<T>> reduce(List<Given<T>> chunk) {
        chunk.sort(order);
        List<Given<T>> reduced = new ArrayList<>(chunk.size());
        for (Given<T> given : chunk) {
            int last = reduced.size() - 1;
            if (last >= 0 && order.compare(reduced.get(last), given) == 0
                    && (nullKey == null || !nullKey.test(given.row()))) {
                reduced.set(last, given);
            } else {
                reduced.add(given);
            }
        }
        return reduced;
    }

    /** The rows of a chunk as they were given: the statement's row numbers then tell which came last. */
    private static <T> List<T> inputOrder(List<Given<T>> chunk) {
        chunk.sort(Comparator.comparingInt(Given::position));
        List<T> rows = new ArrayList<>(chunk.size());
        for (Given<T> given : chunk) {
            rows.add(given.row());
        }
        return rows;
    }
}
