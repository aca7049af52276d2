package dev.quarry.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The children of a joined statement, in runs by parent key: the rows come parent by parent, so
 * each parent's children follow one another, and the runs come in the parents' order. Each
 * parent takes its run in that order, so finding it is one comparison, without a hash map.
 *
 * <p>Only for parents whose keys differ from one another (the parent's {@code @Id}) and are taken
 * in the order the rows came: a parent whose key is not the next run's has no children.
 */
public final class ChildRuns<K, C> {
    private final List<K> keys = new ArrayList<>();
    private final List<List<C>> runs = new ArrayList<>();
    private int next;

    private ChildRuns() {}

    /** Children of {@code rows} in runs of equal {@code key}, each built by {@code build}. */
    public static <T, K, C> ChildRuns<K, C> of(List<T> rows, Function<T, K> key, Function<T, C> build) {
        ChildRuns<K, C> result = new ChildRuns<>();
        List<C> run = null;
        K last = null;
        for (T row : rows) {
            K k = key.apply(row);
            if (run == null || !Objects.equals(k, last)) {
                run = new ArrayList<>();
                result.keys.add(k);
                result.runs.add(run);
                last = k;
            }
            run.add(build.apply(row));
        }
        return result;
    }

    /** The children of the parent with {@code key}, the next parent in row order, or {@code null} for none. */
    List<C> take(K key) {
        if (next < keys.size() && keys.get(next).equals(key)) {
            return runs.get(next++);
        }
        return null;
    }
}
