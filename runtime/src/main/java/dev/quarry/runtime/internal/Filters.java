package dev.quarry.runtime.internal;

import dev.quarry.runtime.Sort;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What generated code of a method with {@code @Filter}s or a {@code Sort} calls: whether a filter's
 * parameter is present, and the statement text for the filters applied and the caller's sort. All
 * text comes from constants the processor wrote; nothing of a caller's values reaches the SQL.
 */
public final class Filters {
    private Filters() {}

    /** Present: not null, and an {@code Optional} not empty. */
    public static boolean present(Object value) {
        return value != null && !(value instanceof Optional<?> optional && optional.isEmpty());
    }

    /** The value an {@code Optional} parameter binds: empty (or null) binds SQL NULL. */
    public static <T> T orNull(Optional<T> value) {
        return value == null ? null : value.orElse(null);
    }

    /** The values of the binds that ran: those of the statement ({@code -1}) and of the filters {@code mask} applied. */
    public static Object[] applied(int mask, int[] filterOfBind, Object... values) {
        java.util.List<Object> bound = new java.util.ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            if (filterOfBind[i] < 0 || (mask & (1 << filterOfBind[i])) != 0) {
                bound.add(values[i]);
            }
        }
        return bound.toArray();
    }

    /**
     * {@code sql} with the sort's keys in its {@code ORDER BY}: {@code tail} is the length of the text
     * after the place they go, {@code ownOrder} whether the statement has an {@code ORDER BY} whose
     * terms follow them; {@code keys} holds each key's SQL by ordinal.
     */
    public static String sorted(String sql, int tail, boolean ownOrder, Sort<?> sort, String[] keys) {
        if (sort == null || sort.isUnsorted()) {
            return sql;
        }
        int at = sql.length() - tail;
        StringBuilder out = new StringBuilder(sql.length() + 16 * sort.orders().size() + 12);
        out.append(sql, 0, at).append(ownOrder ? " " : " ORDER BY ");
        boolean first = true;
        for (Sort.Order<?> order : sort.orders()) {
            out.append(first ? "" : ", ").append(keys[order.key().ordinal()]).append(order.descending() ? " DESC" : "");
            first = false;
        }
        return out.append(ownOrder ? "," : "").append(sql, at, sql.length()).toString();
    }

    /**
     * The texts of a method with more filters than the processor writes out (2^n of them): built
     * from the constant pieces the first time a set of filters is applied, then the same string.
     */
    public static final class Texts {
        /** Beyond this many distinct sets, a text is built per call rather than kept. */
        private static final int KEPT = 4096;

        private final String prefix;
        private final String condition;
        private final String[] filters;
        private final String suffix;
        private final boolean hasWhere;
        private final ConcurrentHashMap<Integer, String> texts = new ConcurrentHashMap<>();

        public Texts(String prefix, String condition, String suffix, boolean hasWhere, String... filters) {
            this.prefix = prefix;
            this.condition = condition;
            this.filters = filters;
            this.suffix = suffix;
            this.hasWhere = hasWhere;
        }

        public String text(int mask) {
            String text = texts.get(mask);
            if (text != null) {
                return text;
            }
            text = compose(prefix, condition, suffix, hasWhere, filters, mask);
            if (texts.size() < KEPT) {
                String raced = texts.putIfAbsent(mask, text);
                return raced != null ? raced : text;
            }
            return text;
        }
    }

    /** The statement with the filters of {@code mask} applied; the processor composes the same way. */
    static String compose(String prefix, String condition, String suffix, boolean hasWhere, String[] filters, int mask) {
        if (mask == 0) {
            return prefix + condition + suffix;
        }
        StringBuilder out = new StringBuilder(prefix);
        boolean first = true;
        if (hasWhere) {
            out.append(" (").append(condition.strip()).append(')');
            first = false;
        }
        for (int i = 0; i < filters.length; i++) {
            if ((mask & (1 << i)) != 0) {
                out.append(first ? " WHERE (" : " AND (").append(filters[i]).append(')');
                first = false;
            }
        }
        return out.append(suffix).toString();
    }
}
