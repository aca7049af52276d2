package dev.quarry.runtime.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The ranges of PostgreSQL types that Java values can exceed, checked before a value is encoded:
 * past them the binary encodings (pgjdbc's and Quarry's) would wrap a value into another one.
 */
final class PgLimits {
    /** numeric holds up to 131072 digits before the decimal point (weight 32767 in base 10000)... */
    static final int NUMERIC_MAX_INTEGER_DIGITS = 131_072;
    /** ...and up to 16383 after it (its display scale is 14 bits). */
    static final int NUMERIC_MAX_SCALE = 16_383;
    /** timestamptz runs from 4714-11-24 00:00 UTC BC to the end of 294276 AD. */
    static final Instant FIRST_TIMESTAMP = Instant.parse("-4713-11-24T00:00:00Z");
    static final Instant AFTER_LAST_TIMESTAMP = Instant.parse("+294277-01-01T00:00:00Z");

    private PgLimits() {}

    /**
     * {@code value} as numeric can hold it: its display scale lowered to 16383 when only zeros lie
     * beyond, refused when it has more digits than numeric holds on either side of the point.
     */
    static BigDecimal numeric(BigDecimal value) throws RefusedValue {
        if (value.signum() == 0) {
            return value.scale() < 0 ? BigDecimal.ZERO : value.scale() > NUMERIC_MAX_SCALE
                    ? value.setScale(NUMERIC_MAX_SCALE) : value;
        }
        // precision and scale only: a value like 1E+999999999 is never expanded into its digits
        if ((long) value.precision() - value.scale() > NUMERIC_MAX_INTEGER_DIGITS) {
            throw numericRefused(value, "more than " + NUMERIC_MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (value.scale() > NUMERIC_MAX_SCALE) {
            if (value.stripTrailingZeros().scale() > NUMERIC_MAX_SCALE) {
                throw numericRefused(value, "more than " + NUMERIC_MAX_SCALE + " digits after the decimal point");
            }
            return value.setScale(NUMERIC_MAX_SCALE);
        }
        return value;
    }

    private static RefusedValue numericRefused(BigDecimal value, String why) {
        String shown = value.precision() <= 40 ? value.toString()
                : "a " + value.precision() + "-digit number with scale " + value.scale();
        return new RefusedValue(shown + " is out of the range of PostgreSQL numeric: " + why, "22003");
    }

    /**
     * {@code value} as the {@code OffsetDateTime} pgjdbc sends for a timestamptz: {@code Instant.MAX}
     * and {@code Instant.MIN} as 'infinity' and '-infinity' (pgjdbc's {@code OffsetDateTime.MAX} and
     * {@code MIN}), the instants timestamptz holds at UTC, any other refused.
     */
    static OffsetDateTime timestamptz(Instant value) throws RefusedValue {
        if (value.equals(Instant.MAX)) {
            return OffsetDateTime.MAX;
        }
        if (value.equals(Instant.MIN)) {
            return OffsetDateTime.MIN;
        }
        checkTimestamp(value);
        return value.atOffset(ZoneOffset.UTC);
    }

    /** Refuses an instant timestamptz cannot hold; {@code Instant.MAX} and {@code MIN} are not checked here. */
    static void checkTimestamp(Instant value) throws RefusedValue {
        if (value.isBefore(FIRST_TIMESTAMP) || !value.isBefore(AFTER_LAST_TIMESTAMP)) {
            throw timestampRefused(value.toString());
        }
    }

    static RefusedValue timestampRefused(String value) {
        return new RefusedValue(value + " is out of the range of PostgreSQL timestamps (4714-11-24 BC to 294276 AD;"
                + " Instant.MAX and Instant.MIN stand for 'infinity' and '-infinity')", "22008");
    }

    static RefusedValue dateRefused(String value) {
        return new RefusedValue(value + " is out of the range of PostgreSQL dates (4714-11-24 BC to 5874897 AD;"
                + " LocalDate.MAX and LocalDate.MIN stand for 'infinity' and '-infinity')", "22008");
    }
}
