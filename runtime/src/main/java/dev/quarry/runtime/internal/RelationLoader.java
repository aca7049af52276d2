package dev.quarry.runtime.internal;

import dev.quarry.runtime.TooManyResultsException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The mechanics of {@code SELECT_IN} relation loading: one {@code child_col = ANY(?)} query per
 * tier with the distinct parent keys, and children grouped under their parent key in the order
 * the query returned them.
 */
public final class RelationLoader {
    /** Keys per statement; larger arrays make a statement PostgreSQL plans and ships less well. */
    public static final int MAX_KEYS = 10_000;

    private RelationLoader() {}

    /** The distinct non-null keys of {@code rows}, in first-seen order. */
    public static <T, K> Set<K> keys(Collection<T> rows, Function<T, K> key) {
        Set<K> keys = new LinkedHashSet<>();
        for (T row : rows) {
            K value = key.apply(row);
            if (value != null) {
                keys.add(value);
            }
        }
        return keys;
    }

    /**
     * Runs {@code sql} (whose only parameter is the key array) once per chunk of at most
     * {@link #MAX_KEYS} keys on {@code connection}, and reads every row. No keys, no statement.
     */
    public static <K, T> List<T> load(Connection connection, String method, String sql, String arrayType,
                                      Set<K> keys, CursorStream.MapperFactory<T> mappers) {
        List<T> rows = new ArrayList<>();
        if (keys.isEmpty()) {
            return rows;
        }
        List<Object> chunk = new ArrayList<>(Math.min(keys.size(), MAX_KEYS));
        for (K key : keys) {
            chunk.add(key);
            if (chunk.size() == MAX_KEYS) {
                run(connection, method, sql, arrayType, chunk, mappers, rows);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            run(connection, method, sql, arrayType, chunk, mappers, rows);
        }
        return rows;
    }

    private static <T> void run(Connection connection, String method, String sql, String arrayType,
                                List<Object> keys, CursorStream.MapperFactory<T> mappers, List<T> rows) {
        long start = System.nanoTime();
        int before = rows.size();
        try (PreparedStatement stmt = connection.prepareStatement(sql)) {
            Binders.setArray(stmt, 1, arrayType, keys);
            if (SqlLog.tracing()) {
                SqlLog.values(method, new Object[] {keys});
            }
            try (ResultSet rs = stmt.executeQuery()) {
                RowMapper<T> mapper = mappers.create(rs);
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, method, sql);
        }
        SqlLog.executed(method, sql, 1, rows.size() - before, start);
    }

    /**
     * Children grouped by their parent key, each built by {@code build}, in the order given. The
     * children of one parent mostly come together, so the previous row's group is tried first.
     */
    public static <T, K, C> Map<K, List<C>> group(List<T> rows, Function<T, K> key, Function<T, C> build) {
        Map<K, List<C>> groups = new HashMap<>();
        K lastKey = null;
        List<C> last = null;
        for (T row : rows) {
            K k = key.apply(row);
            if (last == null || !Objects.equals(k, lastKey)) {
                last = groups.computeIfAbsent(k, unused -> new Group<>());
                lastKey = k;
            }
            last.add(build.apply(row));
        }
        return groups;
    }

    /**
     * The children of {@code key} as a list of the parent's own: the group itself for the first
     * parent with that key, a copy for any other (parents that share a key value), so that changing
     * one parent's list never changes another's.
     */
    public static <K, C> List<C> list(Map<K, List<C>> children, K key) {
        List<C> found = children.get(key);
        if (found == null) {
            return new ArrayList<>();
        }
        if (found instanceof Group<C> group && !group.taken) {
            group.taken = true;
            return group;
        }
        return new ArrayList<>(found);
    }

    /** The children of one key, and whether a parent took the list itself already. */
    private static final class Group<C> extends ArrayList<C> {
        private static final long serialVersionUID = 1L;

        private transient boolean taken;
    }

    public static <K, C> Set<C> set(Map<K, List<C>> children, K key) {
        return set(children.get(key));
    }

    public static <K, C> Optional<C> optional(Map<K, List<C>> children, K key, String method, String relation) {
        return Optional.ofNullable(one(children, key, method, relation));
    }

    /** The single child of {@code key}, or {@code null}; two children for a to-one relation is an error. */
    public static <K, C> C one(Map<K, List<C>> children, K key, String method, String relation) {
        return one(children.get(key), key, method, relation);
    }

    /** The children of {@code key}, the next parent of a joined statement: its run itself, which no other parent takes. */
    public static <K, C> List<C> list(ChildRuns<K, C> children, K key) {
        List<C> found = children.take(key);
        return found == null ? new ArrayList<>() : found;
    }

    public static <K, C> Set<C> set(ChildRuns<K, C> children, K key) {
        return set(children.take(key));
    }

    public static <K, C> Optional<C> optional(ChildRuns<K, C> children, K key, String method, String relation) {
        return Optional.ofNullable(one(children, key, method, relation));
    }

    public static <K, C> C one(ChildRuns<K, C> children, K key, String method, String relation) {
        return one(children.take(key), key, method, relation);
    }

    private static <C> Set<C> set(List<C> found) {
        return found == null ? new LinkedHashSet<>() : new LinkedHashSet<>(found);
    }

    private static <K, C> C one(List<C> found, K key, String method, String relation) {
        if (found == null || found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw new TooManyResultsException(method + ": relation '" + relation + "' holds one row, but key " + key
                    + " has " + found.size(), null, method);
        }
        return found.get(0);
    }
}
