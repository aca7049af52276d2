package dev.quarry.runtime.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Cuts an upsert's input into chunks sorted by the conflict key, with one row per key (the last
 * one given). PostgreSQL rejects a statement that proposes the same key twice (SQLSTATE 21000),
 * and rows locked in one global order cannot deadlock against another upsert locking in the same
 * order. A collection is already in memory, so it is sorted as a whole, which keeps the order
 * across its chunks; other inputs are sorted chunk by chunk, holding one chunk at a time.
 *
 * <p>Rows whose key has a NULL never conflict in PostgreSQL, so they are never merged.
 */
final class UpsertChunks<T> implements Iterator<List<T>> {
    private final BulkRows<T> rows;
    private final String method;
    private final int chunkSize;
    private final Comparator<? super T> order;
    private final Predicate<? super T> nullKey;
    private List<T> whole;
    private int offset;

    UpsertChunks(BulkRows<T> rows, String method, int chunkSize, Comparator<? super T> order,
                 Predicate<? super T> nullKey) {
        this.rows = rows;
        this.method = method;
        this.chunkSize = chunkSize;
        this.order = order;
        this.nullKey = nullKey;
        if (rows.knownSize() >= 0) {
            List<T> all = new ArrayList<>(rows.knownSize());
            while (rows.hasNext()) {
                all.add(rows.next(method));
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
            List<T> chunk = whole.subList(offset, end);
            offset = end;
            return chunk;
        }
        List<T> chunk = new ArrayList<>(Math.min(chunkSize, 1024));
        while (chunk.size() < chunkSize && rows.hasNext()) {
            chunk.add(rows.next(method));
        }
        return reduce(chunk);
    }

    /** Sorts by key (stably, so equal keys keep their input order) and keeps the last row of each key. */
    private List<T> reduce(List<T> chunk) {
        chunk.sort(order);
        List<T> reduced = new ArrayList<>(chunk.size());
        for (T row : chunk) {
            int last = reduced.size() - 1;
            if (last >= 0 && order.compare(reduced.get(last), row) == 0 && (nullKey == null || !nullKey.test(row))) {
                reduced.set(last, row);
            } else {
                reduced.add(row);
            }
        }
        return reduced;
    }
}
