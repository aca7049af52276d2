package dev.quarry.runtime.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQL echo on logger {@code dev.quarry.sql}: DEBUG logs each statement with its bind count, rows
 * and elapsed time; TRACE also logs the bound values. Generated code calls these after each
 * statement; the level checks keep them free when the logger is off.
 */
public final class SqlLog {
    static final Logger LOG = LoggerFactory.getLogger("dev.quarry.sql");
    private static final int MAX_VALUE_LENGTH = 200;

    private SqlLog() {}

    public static void executed(String method, String sql, int binds, long rows, long startNanos) {
        logged(method, sql, binds, rows, startNanos);
        Call.executed(method, sql, rows, startNanos);
    }

    /** The DEBUG line alone, for a statement whose call is not on the thread's stack (a stream's). */
    static void logged(String method, String sql, int binds, long rows, long startNanos) {
        if (LOG.isDebugEnabled()) {
            double millis = (System.nanoTime() - startNanos) / 1_000_000.0;
            LOG.debug("{} [{} binds, {} rows, {} ms] {}", method, binds, rows, String.format(java.util.Locale.ROOT, "%.3f", millis), sql);
        }
    }

    public static boolean tracing() {
        return LOG.isTraceEnabled();
    }

    /** Logs the values bound for the next statement of {@code method}, long ones abbreviated. */
    public static void values(String method, Object... values) {
        if (!LOG.isTraceEnabled()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append('$').append(i + 1).append('=').append(describe(values[i]));
        }
        LOG.trace("{} binds: {}", method, b);
    }

    static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[]) {
            return "bytea[" + ((byte[]) value).length + " bytes]";
        }
        String s;
        if (value instanceof CharSequence) {
            s = "'" + value + "'";
        } else if (value instanceof Object[]) {
            s = java.util.Arrays.toString((Object[]) value);
        } else if (value instanceof long[]) {
            s = java.util.Arrays.toString((long[]) value);
        } else if (value instanceof int[]) {
            s = java.util.Arrays.toString((int[]) value);
        } else {
            s = String.valueOf(value);
        }
        return s.length() <= MAX_VALUE_LENGTH ? s : s.substring(0, MAX_VALUE_LENGTH) + "…(" + s.length() + " chars)";
    }
}
