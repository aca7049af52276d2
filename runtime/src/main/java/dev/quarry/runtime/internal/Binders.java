package dev.quarry.runtime.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Parameter binders for values that need a SQL type for NULL or a conversion JDBC does not make:
 * boxed primitives, {@code java.time} values, UUIDs, enums and arrays. Primitives, strings,
 * {@code BigDecimal} and {@code byte[]} are bound by generated code with plain JDBC setters.
 */
public final class Binders {
    /** Element classes whose typed arrays ({@code Long[]}, …) pgjdbc sends in binary. */
    private static final Map<Class<?>, Class<? extends Object[]>> BINARY_ARRAYS = Map.of(
            Long.class, Long[].class, Integer.class, Integer[].class, Short.class, Short[].class,
            Double.class, Double[].class, Float.class, Float[].class, Boolean.class, Boolean[].class,
            String.class, String[].class);

    private Binders() {}

    public static void setInt(PreparedStatement stmt, int index, Integer value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.INTEGER);
        } else {
            stmt.setInt(index, value);
        }
    }

    public static void setLong(PreparedStatement stmt, int index, Long value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.BIGINT);
        } else {
            stmt.setLong(index, value);
        }
    }

    public static void setShort(PreparedStatement stmt, int index, Short value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.SMALLINT);
        } else {
            stmt.setShort(index, value);
        }
    }

    public static void setDouble(PreparedStatement stmt, int index, Double value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.DOUBLE);
        } else {
            stmt.setDouble(index, value);
        }
    }

    public static void setFloat(PreparedStatement stmt, int index, Float value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.REAL);
        } else {
            stmt.setFloat(index, value);
        }
    }

    public static void setBoolean(PreparedStatement stmt, int index, Boolean value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.BOOLEAN);
        } else {
            stmt.setBoolean(index, value);
        }
    }

    public static void setInstant(PreparedStatement stmt, int index, Instant value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            stmt.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    public static void setOffsetDateTime(PreparedStatement stmt, int index, OffsetDateTime value)
            throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            stmt.setObject(index, value);
        }
    }

    public static void setLocalDate(PreparedStatement stmt, int index, LocalDate value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.DATE);
        } else {
            stmt.setObject(index, value);
        }
    }

    public static void setLocalDateTime(PreparedStatement stmt, int index, LocalDateTime value)
            throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.TIMESTAMP);
        } else {
            stmt.setObject(index, value);
        }
    }

    public static void setUuid(PreparedStatement stmt, int index, UUID value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.OTHER);
        } else {
            stmt.setObject(index, value);
        }
    }

    /**
     * Binds an enum by its name with an unspecified type, so that PostgreSQL infers the column's
     * type: the same call works for {@code text} columns and for PostgreSQL enum types.
     */
    public static void setEnum(PreparedStatement stmt, int index, Enum<?> value) throws SQLException {
        stmt.setObject(index, value == null ? null : value.name(), Types.OTHER);
    }

    /** Binds a collection as one PostgreSQL array of {@code elementType} ({@code "int8"}, {@code "text"}, …). */
    public static void setArray(PreparedStatement stmt, int index, String elementType, Collection<?> values)
            throws SQLException {
        Object[] elements = new Object[values.size()];
        int i = 0;
        for (Object value : values) {
            elements[i++] = element(value);
        }
        bind(stmt, index, elementType, elements);
    }

    /** A record component holding a list: SQL NULL for {@code null}, else an array. */
    public static void setArrayOrNull(PreparedStatement stmt, int index, String elementType, Collection<?> values)
            throws SQLException {
        if (values == null) {
            stmt.setNull(index, Types.ARRAY);
        } else {
            setArray(stmt, index, elementType, values);
        }
    }

    public static void setEnumArrayOrNull(PreparedStatement stmt, int index, Collection<? extends Enum<?>> values)
            throws SQLException {
        if (values == null) {
            stmt.setNull(index, Types.OTHER);
        } else {
            setEnumArray(stmt, index, values);
        }
    }

    public static void setArray(PreparedStatement stmt, int index, String elementType, Object[] values)
            throws SQLException {
        Object[] elements = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            elements[i] = element(values[i]);
        }
        bind(stmt, index, elementType, elements);
    }

    public static void setArray(PreparedStatement stmt, int index, String elementType, long[] values)
            throws SQLException {
        Long[] elements = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            elements[i] = values[i];
        }
        bind(stmt, index, elementType, elements);
    }

    public static void setArray(PreparedStatement stmt, int index, String elementType, int[] values)
            throws SQLException {
        Integer[] elements = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            elements[i] = values[i];
        }
        bind(stmt, index, elementType, elements);
    }

    /**
     * Binds enums as an array literal of their names with an unspecified type, so that PostgreSQL
     * takes it as {@code text[]} or as an array of the column's enum type, whichever it is compared to.
     */
    public static void setEnumArray(PreparedStatement stmt, int index, Collection<? extends Enum<?>> values)
            throws SQLException {
        setEnumArray(stmt, index, values.toArray(new Enum<?>[0]));
    }

    public static void setEnumArray(PreparedStatement stmt, int index, Enum<?>[] values) throws SQLException {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i] == null ? null : values[i].name();
        }
        Array array = stmt.getConnection().createArrayOf("text", names);
        stmt.setObject(index, array.toString(), Types.OTHER);
    }

    private static void bind(PreparedStatement stmt, int index, String elementType, Object[] elements)
            throws SQLException {
        Array array = stmt.getConnection().createArrayOf(elementType, typed(elements));
        stmt.setArray(index, array);
    }

    /**
     * The elements as a {@code Long[]}, {@code String[]}, … when all of them (NULLs aside) are of
     * one such class. pgjdbc encodes those in binary, and any other {@code Object[]} as an array
     * literal it writes and the server parses: three times the client's CPU for 10,000 keys.
     */
    private static Object[] typed(Object[] elements) {
        Class<?> type = null;
        for (Object element : elements) {
            if (element != null) {
                if (type == null) {
                    type = element.getClass();
                } else if (element.getClass() != type) {
                    return elements;
                }
            }
        }
        Class<? extends Object[]> arrayType = type == null ? null : BINARY_ARRAYS.get(type);
        return arrayType == null ? elements : Arrays.copyOf(elements, elements.length, arrayType);
    }

    /** Array elements the driver cannot encode itself are converted to the form PostgreSQL parses. */
    private static Object element(Object value) {
        if (value instanceof Enum<?>) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof Instant) {
            return ((Instant) value).atOffset(ZoneOffset.UTC);
        }
        return value;
    }

    /**
     * Binds a Duration as an {@code interval} of exactly its microseconds; one finer than a
     * microsecond is refused (naming {@code parameter}), never rounded.
     */
    public static void setDuration(PreparedStatement stmt, int index, java.time.Duration value, String parameter)
            throws SQLException {
        bindDuration(stmt, index, value, "parameter '" + parameter + "'");
    }

    /** As {@link #setDuration(PreparedStatement, int, java.time.Duration, String)}; {@code what} names the value. */
    static void bindDuration(PreparedStatement stmt, int index, java.time.Duration value, String what)
            throws SQLException {
        // a PGobject is sent typed as interval, NULL included, so PostgreSQL never has to guess the type
        org.postgresql.util.PGobject interval = new org.postgresql.util.PGobject();
        interval.setType(Intervals.TYPE);
        interval.setValue(value == null ? null : Intervals.literal(Intervals.micros(value, what)));
        stmt.setObject(index, interval);
    }

    /** Binds Durations as one {@code interval[]}, each exact to the microsecond (else refused, naming {@code parameter}). */
    public static void setDurationArray(PreparedStatement stmt, int index, Collection<java.time.Duration> values,
                                        String parameter) throws SQLException {
        setDurationArray(stmt, index, values.toArray(new java.time.Duration[0]), parameter);
    }

    public static void setDurationArray(PreparedStatement stmt, int index, java.time.Duration[] values,
                                        String parameter) throws SQLException {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            literal.append(i == 0 ? "" : ",");
            literal.append(values[i] == null ? "NULL"
                    : '"' + Intervals.literal(Intervals.micros(values[i], "parameter '" + parameter + "'")) + '"');
        }
        org.postgresql.core.BaseConnection pg = stmt.getConnection().unwrap(org.postgresql.core.BaseConnection.class);
        stmt.setArray(index, new org.postgresql.jdbc.PgArray(pg, org.postgresql.core.Oid.INTERVAL_ARRAY,
                literal.append('}').toString()));
    }

    /** Rejects a null record or collection argument before any SQL runs. */
    public static <T> T requireArgument(T value, String method, String parameter) {
        return Objects.requireNonNull(value, () -> method + ": parameter '" + parameter
                + "' is null; pass an empty collection or a value (only scalar parameters bind as SQL NULL)");
    }
}
