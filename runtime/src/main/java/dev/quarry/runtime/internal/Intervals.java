package dev.quarry.runtime.internal;

import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.util.PGInterval;

/**
 * {@code java.time.Duration} ↔ PostgreSQL {@code interval}. A Duration is exact time, so it is
 * written as microseconds only (never as days or months, whose length depends on the calendar),
 * and read as days of 24 hours plus the time part; an interval with months or years has no exact
 * length and is refused. Nothing is rounded: a Duration finer than a microsecond is refused too.
 */
final class Intervals {
    /** {@code interval}: what a bound value is typed as. */
    static final String TYPE = "interval";

    private Intervals() {}

    /**
     * {@code value} in microseconds; {@code what} names it ({@code parameter 'timeout'},
     * {@code column "timeout"}) in the SQLException for a value an interval cannot hold.
     */
    static long micros(Duration value, String what) throws SQLException {
        if (value.getNano() % 1_000 != 0) {
            throw new SQLException(what + ": Duration " + value + " has a part below a microsecond, which an interval"
                    + " cannot hold; truncate it first (duration.truncatedTo(ChronoUnit.MICROS))", "22008");
        }
        try {
            return Math.addExact(Math.multiplyExact(value.getSeconds(), 1_000_000L), value.getNano() / 1_000);
        } catch (ArithmeticException e) {
            throw new SQLException(what + ": Duration " + value + " is longer than an interval holds"
                    + " (about 292 000 years)", "22008", e);
        }
    }

    /** The text form PostgreSQL parses as exactly {@code micros}: {@code 1500000 microseconds}. */
    static String literal(long micros) {
        return micros + " microseconds";
    }

    /**
     * The Duration of an interval's text form; {@code null} when it has months or years, or is
     * infinite, for the caller to refuse with the column's name.
     */
    static Duration parse(String text) throws SQLException {
        if (text.endsWith("infinity")) {
            return null;
        }
        PGInterval interval = new PGInterval(text);
        if (interval.getYears() != 0 || interval.getMonths() != 0) {
            return null;
        }
        long seconds = interval.getDays() * 86_400L + interval.getHours() * 3_600L + interval.getMinutes() * 60L
                + interval.getWholeSeconds();
        return Duration.ofSeconds(seconds, interval.getMicroSeconds() * 1_000L);
    }
}
