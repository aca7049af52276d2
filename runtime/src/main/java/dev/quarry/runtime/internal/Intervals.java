package dev.quarry.runtime.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** IntervalStyle postgres: {@code 1 year 2 mons -3 days -04:05:06.000007}, each part optional. */
    private static final Pattern POSTGRES_STYLE = Pattern.compile("(?:([+-]?\\d+) years? ?)?(?:([+-]?\\d+) mons? ?)?"
            + "(?:([+-]?\\d+) days? ?)?(?:([+-])?(\\d+):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?)?");

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
     * infinite, for the caller to refuse with the column's name. The default IntervalStyle
     * ({@code postgres}) is read here, exactly and with hours beyond an int; {@code iso_8601} and
     * {@code postgres_verbose} through pgjdbc's PGInterval; {@code sql_standard}, which PGInterval
     * misreads without failing, is refused.
     */
    static Duration parse(String text) throws SQLException {
        if (text.endsWith("infinity")) {
            return null;
        }
        Matcher postgres = POSTGRES_STYLE.matcher(text);
        if (postgres.matches()) {
            if (postgres.group(1) != null || postgres.group(2) != null) {
                return null;
            }
            long days = postgres.group(3) == null ? 0 : Long.parseLong(postgres.group(3));
            long seconds = 0;
            long micros = 0;
            if (postgres.group(5) != null) {
                seconds = Long.parseLong(postgres.group(5)) * 3_600 + Long.parseLong(postgres.group(6)) * 60
                        + Long.parseLong(postgres.group(7));
                String fraction = postgres.group(8) == null ? "" : postgres.group(8);
                micros = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00000").substring(0, 6));
                if ("-".equals(postgres.group(4))) {
                    seconds = -seconds;
                    micros = -micros;
                }
            }
            return Duration.ofSeconds(Math.addExact(Math.multiplyExact(days, 86_400L), seconds), micros * 1_000L);
        }
        if (!text.startsWith("@") && !text.startsWith("P") && !text.startsWith("-P")) {
            throw new SQLException("an interval in an IntervalStyle Quarry does not read (sql_standard?); use the"
                    + " default postgres style, or iso_8601");
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
