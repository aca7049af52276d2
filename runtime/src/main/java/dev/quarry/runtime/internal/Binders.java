package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.PgArray;
import org.postgresql.util.PGobject;

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

    /**
     * {@code value} as numeric holds it, refused when it has more digits than numeric holds (which
     * the driver's binary encoding would wrap into another number). {@code parameter} names it in
     * the failure; {@code null} leaves that to the caller.
     */
    public static void setDecimal(PreparedStatement stmt, int index, BigDecimal value, String parameter)
            throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.NUMERIC);
            return;
        }
        BigDecimal held;
        try {
            held = PgLimits.numeric(value);
        } catch (RefusedValue e) {
            throw placed(e, parameter);
        }
        stmt.setBigDecimal(index, held);
    }

    /**
     * An instant as timestamptz: {@code Instant.MAX} and {@code Instant.MIN} as 'infinity' and
     * '-infinity' (as they are read), instants beyond timestamptz's range refused.
     */
    public static void setInstant(PreparedStatement stmt, int index, Instant value, String parameter)
            throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            return;
        }
        OffsetDateTime held;
        try {
            held = PgLimits.timestamptz(value);
        } catch (RefusedValue e) {
            throw placed(e, parameter);
        }
        setOffsetDateTime(stmt, index, held);
    }

    private static SQLException placed(RefusedValue e, String parameter) {
        return parameter == null ? e : e.at("parameter '" + parameter + "'");
    }

    public static void setOffsetDateTime(PreparedStatement stmt, int index, OffsetDateTime value)
            throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (!value.equals(OffsetDateTime.MIN) && value.getYear() < 2) {
            // the year in UTC may be one less than at the value's offset
            LocalDateTime utc;
            try {
                utc = value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (DateTimeException e) {
                throw PgLimits.timestampRefused(value.toString());
            }
            if (utc.getYear() < 1) {
                stmt.setObject(index, beforeChrist("timestamptz", utc, "+00"));
            } else {
                stmt.setObject(index, value);
            }
        } else {
            stmt.setObject(index, value);
        }
    }

    public static void setLocalDate(PreparedStatement stmt, int index, LocalDate value) throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.DATE);
        } else if (!value.equals(LocalDate.MIN) && value.getYear() < 1) {
            stmt.setObject(index, beforeChrist("date", value.atStartOfDay(), null));
        } else {
            stmt.setObject(index, value);
        }
    }

    public static void setLocalDateTime(PreparedStatement stmt, int index, LocalDateTime value)
            throws SQLException {
        if (value == null) {
            stmt.setNull(index, Types.TIMESTAMP);
        } else if (!value.equals(LocalDateTime.MIN) && value.getYear() < 1) {
            stmt.setObject(index, beforeChrist("timestamp", value, null));
        } else {
            stmt.setObject(index, value);
        }
    }

    /**
     * A date or time before year 1 as PostgreSQL writes it ({@code 4714-11-24 00:00:00 BC}), typed
     * {@code type}: pgjdbc sends every value before 4713 BC as '-infinity', which PostgreSQL would
     * store, so 4714 BC (its first year) and earlier years, which PostgreSQL refuses, are sent as they are.
     * {@code zone} is the UTC offset of a timestamptz, {@code null} for the other types.
     */
    private static PGobject beforeChrist(String type, LocalDateTime value, String zone) throws SQLException {
        String text;
        if (type.equals("date")) {
            text = String.format(Locale.ROOT, "%04d-%02d-%02d BC", 1 - value.getYear(), value.getMonthValue(),
                    value.getDayOfMonth());
        } else {
            // microseconds, nanoseconds rounded half up as the driver and the binary encodings round them
            LocalDateTime rounded = value.plusNanos(500);
            text = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d.%06d%s BC", 1 - rounded.getYear(),
                    rounded.getMonthValue(), rounded.getDayOfMonth(), rounded.getHour(), rounded.getMinute(),
                    rounded.getSecond(), rounded.getNano() / 1000, zone == null ? "" : zone);
        }
        PGobject object = new PGobject();
        object.setType(type);
        object.setValue(text);
        return object;
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

    /**
     * Binds a collection parameter as one PostgreSQL array of {@code elementType} ({@code "int8"},
     * {@code "text"}, …). A null element is refused: in an array it matches nothing under
     * {@code = ANY} and {@code IN}, and makes {@code NOT IN} and {@code <> ALL} match nothing.
     */
    public static void setArray(PreparedStatement stmt, int index, String elementType, Collection<?> values,
                                String method, String parameter) throws SQLException {
        setArray(stmt, index, elementType, values.toArray(), method, parameter);
    }

    public static void setArray(PreparedStatement stmt, int index, String elementType, Object[] values,
                                String method, String parameter) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw nullElement(method, parameter, i);
            }
        }
        bind(stmt, index, elementType, values, parameter);
    }

    public static void setArray(PreparedStatement stmt, int index, String elementType, long[] values,
                                String method, String parameter) throws SQLException {
        Long[] elements = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            elements[i] = values[i];
        }
        bind(stmt, index, elementType, elements, parameter);
    }

    public static void setArray(PreparedStatement stmt, int index, String elementType, int[] values,
                                String method, String parameter) throws SQLException {
        Integer[] elements = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            elements[i] = values[i];
        }
        bind(stmt, index, elementType, elements, parameter);
    }

    /** Keys Quarry collected itself (a relation's parent keys), never null. */
    static void setArray(PreparedStatement stmt, int index, String elementType, Collection<?> values)
            throws SQLException {
        bind(stmt, index, elementType, values.toArray(), null);
    }

    /**
     * A record component holding a list: SQL NULL for {@code null}, else an array. Its NULL
     * elements are data and are kept.
     */
    public static void setArrayOrNull(PreparedStatement stmt, int index, String elementType, Collection<?> values,
                                      String parameter) throws SQLException {
        if (values == null) {
            stmt.setNull(index, Types.ARRAY);
        } else {
            bind(stmt, index, elementType, values.toArray(), parameter);
        }
    }

    /** A collection parameter that may be absent (an empty {@code Optional}): SQL NULL, else as {@link #setArray}. */
    public static void setArrayOrNull(PreparedStatement stmt, int index, String elementType, Collection<?> values,
                                      String method, String parameter) throws SQLException {
        if (values == null) {
            stmt.setNull(index, Types.ARRAY);
        } else {
            setArray(stmt, index, elementType, values, method, parameter);
        }
    }

    /** An enum collection parameter that may be absent: SQL NULL, else as {@link #setEnumArray}. */
    public static void setEnumArrayOrNull(PreparedStatement stmt, int index, Collection<? extends Enum<?>> values,
                                          String method, String parameter) throws SQLException {
        if (values == null) {
            stmt.setNull(index, Types.OTHER);
        } else {
            setEnumArray(stmt, index, values, method, parameter);
        }
    }

    public static void setEnumArrayOrNull(PreparedStatement stmt, int index, Collection<? extends Enum<?>> values)
            throws SQLException {
        if (values == null) {
            stmt.setNull(index, Types.OTHER);
        } else {
            enumArray(stmt, index, values.toArray(new Enum<?>[0]));
        }
    }

    /**
     * Binds enums as an array literal of their names with an unspecified type, so that PostgreSQL
     * takes it as {@code text[]} or as an array of the column's enum type, whichever it is compared to.
     */
    public static void setEnumArray(PreparedStatement stmt, int index, Collection<? extends Enum<?>> values,
                                    String method, String parameter) throws SQLException {
        setEnumArray(stmt, index, values.toArray(new Enum<?>[0]), method, parameter);
    }

    public static void setEnumArray(PreparedStatement stmt, int index, Enum<?>[] values, String method,
                                    String parameter) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw nullElement(method, parameter, i);
            }
        }
        enumArray(stmt, index, values);
    }

    private static void enumArray(PreparedStatement stmt, int index, Enum<?>[] values) throws SQLException {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i] == null ? null : values[i].name();
        }
        Array array = stmt.getConnection().createArrayOf("text", names);
        stmt.setObject(index, array.toString(), Types.OTHER);
    }

    private static DataException nullElement(String method, String parameter, int position) {
        return new DataException(method + ": element " + position + " of '" + parameter + "' is null; a collection"
                + " parameter binds as an array, and a NULL element matches nothing (= ANY, IN) and makes NOT IN"
                + " and <> ALL match no row", null, null, method, null);
    }

    /**
     * Dates and times are encoded in binary as scalar binds send them (BC dates, year 0, the MAX and
     * MIN that stand for infinity); the driver would write their {@code toString()} into a literal.
     */
    private static void bind(PreparedStatement stmt, int index, String elementType, Object[] values,
                             String parameter) throws SQLException {
        BinaryArray.Type temporal = BinaryArray.Type.temporal(elementType);
        if (temporal != null) {
            BinaryArray array = new BinaryArray(temporal, 24 + 12 * values.length);
            for (int i = 0; i < values.length; i++) {
                try {
                    array.writeTemporal(values[i]);
                } catch (RefusedValue e) {
                    throw e.at("element " + i + " of '" + parameter + "'");
                }
            }
            BaseConnection connection = stmt.getConnection().unwrap(BaseConnection.class);
            stmt.setArray(index, new PgArray(connection, temporal.arrayOid, array.toBytes()));
            return;
        }
        Object[] elements = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            elements[i] = element(values[i], i, parameter);
        }
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
    private static Object element(Object value, int position, String parameter)
            throws SQLException {
        if (value instanceof Enum<?>) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return PgLimits.numeric(decimal);
            } catch (RefusedValue e) {
                throw e.at("element " + position + " of '" + parameter + "'");
            }
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
                                        String method, String parameter) throws SQLException {
        setDurationArray(stmt, index, values.toArray(new java.time.Duration[0]), method, parameter);
    }

    /** An {@code interval[]} of exact microseconds; a null element is refused, as for every collection parameter. */
    public static void setDurationArray(PreparedStatement stmt, int index, java.time.Duration[] values,
                                        String method, String parameter) throws SQLException {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw nullElement(method, parameter, i);
            }
            literal.append(i == 0 ? "" : ",");
            literal.append('"').append(Intervals.literal(Intervals.micros(values[i], "parameter '" + parameter + "'")))
                    .append('"');
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
