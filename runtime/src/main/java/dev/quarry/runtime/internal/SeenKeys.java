package dev.quarry.runtime.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The keys of the children of one {@code JOINED} relation read so far. The joined rows repeat a
 * child once per row of its own children (and of its siblings' children), so a child is built
 * only the first time its key appears; a NULL key is the LEFT JOIN's "no child" and never counts.
 *
 * <p>A child's repeats come one after another (the statement orders by each relation's key), so
 * the previous row's key is checked first and most rows never reach the set. A key of one integer
 * column is a bit in a {@link BitSet} counted from the first key, since ids are mostly dense: no
 * boxed key and no map entry per child. Keys far from the others (the bits would be mostly empty)
 * go to a set instead, so memory stays proportional to the number of keys.
 */
public final class SeenKeys {
    /** Bits beyond those of the keys taken so far that a key may reach and still take a bit. */
    private static final long BIT_SLACK = 16_384;
    private static final long MAX_BIT_SPAN = Integer.MAX_VALUE - 64L;

    private long lastLong;
    private boolean hasLast;
    private final BitSet bits = new BitSet();
    /** The first key: bit 0. */
    private long base;
    private long bitKeys;
    private Set<Long> sparse;

    private Object lastKey;
    private Set<Object> objects;

    /** For a key of one integer column ({@code int8}, {@code int4}, {@code int2}). */
    public boolean firstSeenLong(ResultSet rs, int column) throws SQLException {
        long key = rs.getLong(column);
        if (key == 0 && rs.wasNull()) {
            return false;
        }
        if (!hasLast) {
            base = key;
        } else if (key == lastLong) {
            return false;
        }
        lastLong = key;
        hasLast = true;
        return add(key);
    }

    /** The key {@link #firstSeenLong} read last, so that a row it calls new need not read it again. */
    public long lastLong() {
        return lastLong;
    }

    /** For any other key: one column of another type, or several columns together. */
    public boolean firstSeen(ResultSet rs, int... columns) throws SQLException {
        Object key;
        if (columns.length == 1) {
            key = rs.getObject(columns[0]);
            if (key == null) {
                return false;
            }
        } else {
            Object[] parts = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                parts[i] = rs.getObject(columns[i]);
                if (parts[i] == null) {
                    return false;
                }
            }
            key = Arrays.asList(parts);
        }
        if (Objects.equals(key, lastKey)) {
            return false;
        }
        lastKey = key;
        if (objects == null) {
            objects = new HashSet<>();
        }
        return objects.add(key);
    }

    private boolean add(long key) {
        long offset = key - base;
        // ids are mostly dense: one bit each from the first key up; far-off keys go to a set
        if (offset >= 0 && offset <= MAX_BIT_SPAN && offset <= 64L * (bitKeys + BIT_SLACK)) {
            int bit = (int) offset;
            // a key that was far off when it came may be within reach of the bits by now
            if (bits.get(bit) || sparse != null && sparse.contains(key)) {
                return false;
            }
            bits.set(bit);
            bitKeys++;
            return true;
        }
        if (sparse == null) {
            sparse = new HashSet<>();
        }
        return sparse.add(key);
    }
}
