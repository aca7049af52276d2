package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The input of one bulk call, read once, element by element: a {@code Collection} (whose size is
 * known), any other {@code Iterable}, a {@code Stream} (closed when the call ends), or a single
 * record. Null elements are refused with their position.
 */
public final class BulkRows<T> implements AutoCloseable {
    private final Iterator<? extends T> iterator;
    private final Collection<? extends T> collection;
    private final Stream<? extends T> stream;
    private final String parameter;
    private long taken;
    private boolean closed;

    private BulkRows(Iterator<? extends T> iterator, Collection<? extends T> collection, Stream<? extends T> stream,
                     String parameter) {
        this.iterator = iterator;
        this.collection = collection;
        this.stream = stream;
        this.parameter = parameter;
    }

    public static <T> BulkRows<T> of(Iterable<? extends T> rows, String parameter) {
        Collection<? extends T> collection = rows instanceof Collection<? extends T> c ? c : null;
        return new BulkRows<>(rows.iterator(), collection, null, parameter);
    }

    public static <T> BulkRows<T> of(Stream<? extends T> rows, String parameter) {
        return new BulkRows<>(rows.iterator(), null, rows, parameter);
    }

    public static <T> BulkRows<T> one(T row, String parameter) {
        return of(List.of(row), parameter);
    }

    boolean hasNext() {
        return iterator.hasNext();
    }

    /** The next element; a null one fails the call, naming its position in the input. */
    T next(String method) {
        T row = iterator.next();
        if (row == null) {
            throw new DataException(method + ": element " + taken + " of '" + parameter
                    + "' is null; no row of this call is written", null, null, method, null);
        }
        taken++;
        return row;
    }

    /** Elements taken so far, which is also the input position of the next one. */
    long taken() {
        return taken;
    }

    /** The method parameter the rows came from, as failures name it. */
    String parameter() {
        return parameter;
    }

    boolean isStream() {
        return stream != null;
    }

    /** The input's size when it is a collection, else -1. */
    int knownSize() {
        return collection == null ? -1 : collection.size();
    }

    /** Closes a stream input once: the call closes it before its commit, and again (doing nothing) when it ends. */
    @Override
    public void close() {
        if (stream != null && !closed) {
            closed = true;
            stream.close();
        }
    }
}
