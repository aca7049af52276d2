package dev.quarry.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The order a caller picks for a method's rows, over the keys of an enum: each constant names one
 * sortable column or expression, whose SQL the generated code holds as a constant (the constant's
 * name in lower case, or its {@code @Column} value). The keys come first in the statement's
 * {@code ORDER BY}, the statement's own terms after them break ties. Immutable.
 *
 * <pre>{@code
 * enum UserSort { EMAIL, CREATED_AT, @Column("lower(display_name)") NAME }
 *
 * repository.search(tenantId, Sort.desc(UserSort.CREATED_AT).thenAsc(UserSort.EMAIL));
 * repository.search(tenantId, Sort.parse(UserSort.class, request.getParameter("sort")));  // "-createdAt,email"
 * }</pre>
 *
 * @param <K> the enum of sortable keys
 */
public final class Sort<K extends Enum<K>> {
    /** One key and its direction. */
    public record Order<K extends Enum<K>>(K key, boolean descending) {
        public Order {
            Objects.requireNonNull(key, "key");
        }
    }

    private static final Sort<?> UNSORTED = new Sort<>(List.of());
    /** Longest piece of caller text an exception message repeats. */
    private static final int ECHO = 64;

    private final List<Order<K>> orders;

    private Sort(List<Order<K>> orders) {
        this.orders = orders;
    }

    /** No order of the caller's: the statement's own {@code ORDER BY}, if any, alone. */
    @SuppressWarnings("unchecked")
    public static <K extends Enum<K>> Sort<K> unsorted() {
        return (Sort<K>) UNSORTED;
    }

    /** Ascending by {@code key}. */
    public static <K extends Enum<K>> Sort<K> asc(K key) {
        return new Sort<>(List.of(new Order<>(key, false)));
    }

    /** Descending by {@code key}. */
    public static <K extends Enum<K>> Sort<K> desc(K key) {
        return new Sort<>(List.of(new Order<>(key, true)));
    }

    /** This order, then ascending by {@code key} among equal rows. */
    public Sort<K> thenAsc(K key) {
        return then(new Order<>(key, false));
    }

    /** This order, then descending by {@code key} among equal rows. */
    public Sort<K> thenDesc(K key) {
        return then(new Order<>(key, true));
    }

    private Sort<K> then(Order<K> order) {
        for (Order<K> existing : orders) {
            if (existing.key() == order.key()) {
                throw new IllegalArgumentException("Sort already orders by " + order.key() + ": " + this);
            }
        }
        List<Order<K>> all = new ArrayList<>(orders);
        all.add(order);
        return new Sort<>(List.copyOf(all));
    }

    /**
     * Reads a sort from request text: comma-separated key names, each with {@code -} in front for
     * descending ({@code "-createdAt,email"}); names match the constants ignoring case and
     * {@code _}. Blank text is {@link #unsorted()}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the accepted ones), a
     *     key named twice, or anything that is not a list of names
     */
    public static <K extends Enum<K>> Sort<K> parse(Class<K> keys, String text) {
        Objects.requireNonNull(keys, "keys");
        if (text == null || text.isBlank()) {
            return unsorted();
        }
        Sort<K> sort = unsorted();
        for (String item : text.split(",", -1)) {
            String name = item.strip();
            boolean descending = name.startsWith("-");
            if (descending) {
                name = name.substring(1);
            }
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Sort.parse: '" + echo(item) + "' is not a key name (a key is a name, "
                        + "with '-' in front for descending, keys separated by ','); accepted: " + accepted(keys));
            }
            K key = find(keys, name);
            if (sort.orders.stream().anyMatch(o -> o.key() == key)) {
                throw new IllegalArgumentException("Sort.parse: key '" + name + "' is named twice in '" + echo(text) + "'");
            }
            sort = sort.then(new Order<>(key, descending));
        }
        return sort;
    }

    private static <K extends Enum<K>> K find(Class<K> keys, String name) {
        String wanted = normalized(name);
        for (K constant : keys.getEnumConstants()) {
            if (normalized(constant.name()).equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Sort.parse: unknown key '" + echo(name) + "'; accepted: " + accepted(keys));
    }

    private static String normalized(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String accepted(Class<? extends Enum<?>> keys) {
        return Arrays.stream(keys.getEnumConstants()).map(k -> k.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String echo(String text) {
        return text.length() <= ECHO ? text : text.substring(0, ECHO) + "…";
    }

    /** The keys in order, first the most significant; empty when unsorted. */
    public List<Order<K>> orders() {
        return orders;
    }

    public boolean isUnsorted() {
        return orders.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sort<?> sort && sort.orders.equals(orders);
    }

    @Override
    public int hashCode() {
        return orders.hashCode();
    }

    /** The keys as {@link #parse} reads them: {@code Sort[-CREATED_AT,EMAIL]}. */
    @Override
    public String toString() {
        return orders.stream().map(o -> (o.descending() ? "-" : "") + o.key().name())
                .collect(Collectors.joining(",", "Sort[", "]"));
    }
}
