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
        int value = rs.getInt(column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "int");
        }
        return value;
    }

    public static long getLong(ResultSet rs, int column, String method) throws SQLException {
        long value = rs.getLong(column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "long");
        }
        return value;
    }

    public static short getShort(ResultSet rs, int column, String method) throws SQLException {
        short value = rs.getShort(column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "short");
        }
        return value;
    }

    public static double getDouble(ResultSet rs, int column, String method) throws SQLException {
        double value = rs.getDouble(column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "double");
        }
        return value;
    }

    public static float getFloat(ResultSet rs, int column, String method) throws SQLException {
        float value = rs.getFloat(column);
        if (value == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "float");
        }
        return value;
    }

    public static boolean getBoolean(ResultSet rs, int column, String method) throws SQLException {
        boolean value = rs.getBoolean(column);
        if (!value && rs.wasNull()) {
            throw nullIntoPrimitive(rs, column, method, "boolean");
        }
        return value;
    }

    public static Integer getIntOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Long getLongOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Short getShortOrNull(ResultSet rs, int column) throws SQLException {
        short value = rs.getShort(column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Double getDoubleOrNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Float getFloatOrNull(ResultSet rs, int column) throws SQLException {
        float value = rs.getFloat(column);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Boolean getBooleanOrNull(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
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
            throw new SQLException("column \"" + label(rs, column) + "\": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    public static Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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
     * A PostgreSQL array as a {@code List} (SQL NULL as {@code null}); numbers are widened or
     * narrowed to {@code type} so that an {@code int4[]} reads into a {@code List<Long>}.
     */
    public static <T> List<T> getList(ResultSet rs, int column, Class<T> type) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        List<T> list = new ArrayList<>(values.length);
        for (Object value : values) {
            list.add(type.cast(convert(value, type)));
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

    private static Object convert(Object value, Class<?> type) {
        if (value == null || type.isInstance(value) || !(value instanceof Number)) {
            return value;
        }
        Number number = (Number) value;
        if (type == Long.class) {
            return number.longValue();
        }
        if (type == Integer.class) {
            return number.intValue();
        }
        if (type == Short.class) {
            return number.shortValue();
        }
        if (type == Double.class) {
            return number.doubleValue();
        }
        if (type == Float.class) {
            return number.floatValue();
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
