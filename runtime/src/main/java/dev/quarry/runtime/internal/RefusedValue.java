package dev.quarry.runtime.internal;

import java.sql.SQLException;

/**
 * A value refused before it is sent because the PostgreSQL type cannot hold it, where the
 * driver's encoding would wrap it into another value or fail with a JDK exception. The encoder
 * that refuses it does not know where it came from; the caller names that with {@link #at}.
 */
final class RefusedValue extends SQLException {
    private static final long serialVersionUID = 1L;

    RefusedValue(String reason, String sqlState) {
        super(reason, sqlState);
    }

    /** The same failure with where the value came from in front: {@code parameter 'price': …}. */
    SQLException at(String where) {
        return new SQLException(where + ": " + getMessage(), getSQLState(), this);
    }

    /** {@code where} for the value of column {@code column} of input element {@code element} (-1: unknown). */
    static String column(String column, long element, String parameter) {
        return "column \"" + column + "\"" + (element < 0 ? "" : " of element " + element + " of '" + parameter + "'");
    }
}
