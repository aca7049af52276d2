package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Column readers for values JDBC does not read directly the way Quarry maps them: primitives that
 * must not turn SQL NULL into 0, boxed numbers that must keep NULL, {@code Instant} and enums.
 */
public final class Readers {
    private Readers() {}

    public static int getInt(ResultSet rs, int column, String method) throws SQLException {
        int value = getIntValue(rs, column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "int");
        }
        return value;
    }

    public static long getLong(ResultSet rs, int column, String method) throws SQLException {
        long value = getLongValue(rs, column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "long");
        }
        return value;
    }

    public static short getShort(ResultSet rs, int column, String method) throws SQLException {
        short value = getShortValue(rs, column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "short");
        }
        return value;
    }

    public static double getDouble(ResultSet rs, int column, String method) throws SQLException {
        double value = getDoubleValue(rs, column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "double");
        }
        return value;
    }

    public static float getFloat(ResultSet rs, int column, String method) throws SQLException {
        float value = getFloatValue(rs, column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "float");
        }
        return value;
    }

    public static boolean getBoolean(ResultSet rs, int column, String method) throws SQLException {
        boolean value = getBooleanValue(rs, column);
        if (!value && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "boolean");
        }
        return value;
    }

    private static int getIntValue(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getInt(column);
        } catch (SQLException e) {
            throw atColumn(rs, column, e);
        }
    }

    private static long getLongValue(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getLong(column);
        } catch (SQLException e) {
            throw atColumn(rs, column, e);
        }
    }

    private static short getShortValue(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getShort(column);
        } catch (SQLException e) {
            throw atColumn(rs, column, e);
        }
    }

    private static double getDoubleValue(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getDouble(column);
        } catch (SQLException e) {
            throw atColumn(rs, column, e);
        }
    }

    private static float getFloatValue(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getFloat(column);
        } catch (SQLException e) {
            throw atColumn(rs, column, e);
        }
    }

    private static boolean getBooleanValue(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getBoolean(column);
        } catch (SQLException e) {
            throw atColumn(rs, column, e);
        }
    }

    public static Integer getIntOrNull(ResultSet rs, int column) throws SQLException {
        int value = getIntValue(rs, column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Long getLongOrNull(ResultSet rs, int column) throws SQLException {
        long value = getLongValue(rs, column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Short getShortOrNull(ResultSet rs, int column) throws SQLException {
        short value = getShortValue(rs, column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Double getDoubleOrNull(ResultSet rs, int column) throws SQLException {
        double value = getDoubleValue(rs, column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Float getFloatOrNull(ResultSet rs, int column) throws SQLException {
        float value = getFloatValue(rs, column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Boolean getBooleanOrNull(ResultSet rs, int column) throws SQLException {
        boolean value = getBooleanValue(rs, column);
        return !value && rs.wasNull() ? null : value;
    }

    /**
     * {@code rs.getBigDecimal}, naming the column when its value has no {@code BigDecimal}: numeric's
     * {@code NaN} and infinities.
     */
    public static BigDecimal getBigDecimal(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getBigDecimal(column);
        } catch (SQLException e) {
            throw atColumn(rs, column, e);
        }
    }

    /**
     * {@code rs.getObject(column, type)} for {@code LocalDate}, {@code LocalDateTime},
     * {@code OffsetDateTime} and {@code UUID}, naming the column when its value is not one.
     */
    public static <T> T getObject(ResultSet rs, int column, Class<T> type) throws SQLException {
        try {
            return rs.getObject(column, type);
        } catch (SQLException e) {
            throw atColumn(rs, column, e);
        }
    }

    /**
     * A timestamptz as an {@code Instant}: 'infinity' and '-infinity' as {@code Instant.MAX} and
     * {@code Instant.MIN}, which every write path sends back as 'infinity' and '-infinity'.
     */
    public static Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = getObject(rs, column, OffsetDateTime.class);
        if (value == null) {
            return null;
        }
        // pgjdbc reads the infinities as OffsetDateTime.MAX and MIN, whose instants are not Instant's ends
        if (value.equals(OffsetDateTime.MAX)) {
            return Instant.MAX;
        }
        if (value.equals(OffsetDateTime.MIN)) {
            return Instant.MIN;
        }
        return value.toInstant();
    }

    public static <E extends Enum<E>> E getEnum(ResultSet rs, int column, Class<E> type, String method)
            throws SQLException {
        String value = rs.getString(column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DataException(method + ": column \"" + label(rs, column) + "\" holds '" + value
                    + "', which is not a constant of " + type.getName(), null, null, method, e);
        }
    }

    /**
     * A one-dimensional PostgreSQL array as a {@code List} (SQL NULL as {@code null}); numbers are
     * widened, or narrowed only when the value is held exactly, so that an {@code int4[]} reads into
     * a {@code List<Long>} and an {@code int8[]} into a {@code List<Integer>} while its values fit.
     */
    public static <T> List<T> getList(ResultSet rs, int column, Class<T> type) throws SQLException {
        Object[] values;
        try {
            Array array = rs.getArray(column);
            if (array == null) {
                return null;
            }
            values = (Object[]) array.getArray();
        } catch (SQLException e) {
            throw atColumn(rs, column, e);
        }
        List<T> list = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            Object converted;
            try {
                converted = convert(value, type);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new SQLException("column \"" + label(rs, column) + "\": element " + i + " is " + value
                        + ", which a " + type.getName() + " does not hold exactly", "22003", e);
            }
            if (converted != null && !type.isInstance(converted)) {
                String held = value.getClass().isArray() ? "an array (a list reads a one-dimensional array)"
                        : "a " + value.getClass().getName() + " (" + value + ")";
                throw new SQLException("column \"" + label(rs, column) + "\": element " + i + " is " + held
                        + ", not a " + type.getName());
            }
            list.add(type.cast(converted));
        }
        return list;
    }

    public static <E extends Enum<E>> List<E> getEnumList(ResultSet rs, int column, Class<E> type, String method)
            throws SQLException {
        List<String> names = getList(rs, column, String.class);
        if (names == null) {
            return null;
        }
        List<E> list = new ArrayList<>(names.size());
        for (String name : names) {
            try {
                list.add(name == null ? null : Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                throw new DataException(method + ": column \"" + label(rs, column) + "\" holds '" + name
                        + "', which is not a constant of " + type.getName(), null, null, method, e);
            }
        }
        return list;
    }

    /** {@code value} as {@code type} when it is a number; throws ArithmeticException when not held exactly. */
    private static Object convert(Object value, Class<?> type) {
        if (value == null || type.isInstance(value) || !(value instanceof Number)) {
            return value;
        }
        Number number = (Number) value;
        if (type == Long.class) {
            return exactLong(number);
        }
        if (type == Integer.class) {
            return Math.toIntExact(exactLong(number));
        }
        if (type == Short.class) {
            long v = exactLong(number);
            if (v != (short) v) {
                throw new ArithmeticException("short overflow");
            }
            return (short) v;
        }
        // floating point is approximate by nature: rounding is what numeric to float8 does too, overflow is not
        if (type == Double.class) {
            return finite(number, number.doubleValue());
        }
        if (type == Float.class) {
            return (float) finite(number, number.floatValue());
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(number.toString());
        }
        return value;
    }

    /**
     * An {@code interval} as a Duration: days count 24 hours. One with months or years (which have
     * no fixed length), or an infinite one, is a DataException naming the column, never a guess.
     */
    public static java.time.Duration getDuration(ResultSet rs, int column, String method) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        java.time.Duration value;
        try {
            value = Intervals.parse(text);
        } catch (SQLException | RuntimeException e) {
            throw new DataException(method + ": column \"" + label(rs, column) + "\" holds the interval '" + text
                    + "', which cannot be read as a Duration: " + e.getMessage(), null, null, method, e);
        }
        if (value == null) {
            throw new DataException(method + ": column \"" + label(rs, column) + "\" holds the interval '" + text
                    + "', which has months, years or no end; a Duration holds exact time only (a month has no fixed"
                    + " length): convert it in the SQL (extract(epoch from …)), or read it as a String",
                    null, null, method, null);
        }
        return value;
    }

    private static long exactLong(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            // 2^63 is the first double past Long.MAX_VALUE
            if (d != Math.rint(d) || d >= 0x1p63 || d < -0x1p63) {
                throw new ArithmeticException("not a long");
            }
            return (long) d;
        }
        return number.longValue();
    }

    private static double finite(Number number, double converted) {
        boolean infinite = (number instanceof Double || number instanceof Float) && Double.isInfinite(number.doubleValue());
        if (Double.isInfinite(converted) && !infinite) {
            throw new ArithmeticException("overflow");
        }
        return converted;
    }

    /** A reading failure with the column in front, as {@link #getBigDecimal} reports one. */
    private static SQLException atColumn(ResultSet rs, int column, SQLException e) throws SQLException {
        return new SQLException("column \"" + label(rs, column) + "\": " + e.getMessage(), e.getSQLState(), e);
    }

    private static DataException nullIntoPrimitive(ResultSet rs, int column, String method, String type)
            throws SQLException {
        return new DataException(method + ": column \"" + label(rs, column) + "\" is NULL but is read into a "
                + type + "; declare the component or return type as the boxed type to accept NULL",
                null, null, method, null);
    }

    private static String label(ResultSet rs, int column) throws SQLException {
        return rs.getMetaData().getColumnLabel(column);
    }
}
