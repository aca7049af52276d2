package dev.quarry.runtime.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Collects a chunk of rows column by column, one Java array per column, and binds each as one
 * PostgreSQL array parameter of {@code INSERT … SELECT * FROM unnest(?::int8[], ?::text[], …)}.
 *
 * <p>A column's array takes the form its first write asks for: {@code long[]} for a primitive,
 * {@code Long[]} for a boxed value that may be NULL, {@code String[]} for text. pgjdbc sends
 * number, boolean, text and bytea arrays in binary; the others go as array literals built from the
 * values' ISO text, which PostgreSQL reads the same way it reads a bound value.
 */
final class UnnestColumns implements ColumnSink {
    /** How one column is held and which PostgreSQL array type it binds as. */
    private enum Kind {
        INT("int4", int.class), INT_OR_NULL("int4", Integer.class),
        LONG("int8", long.class), LONG_OR_NULL("int8", Long.class),
        SHORT("int2", short.class), SHORT_OR_NULL("int2", Short.class),
        DOUBLE("float8", double.class), DOUBLE_OR_NULL("float8", Double.class),
        FLOAT("float4", float.class), FLOAT_OR_NULL("float4", Float.class),
        BOOLEAN("bool", boolean.class), BOOLEAN_OR_NULL("bool", Boolean.class),
        TEXT("text", String.class),
        NUMERIC("numeric", BigDecimal.class),
        TIMESTAMPTZ("timestamptz", Object.class),
        TIMESTAMP("timestamp", Object.class),
        DATE("date", Object.class),
        UUID("uuid", java.util.UUID.class),
        BYTEA("bytea", byte[].class);

        final String arrayElementType;
        final Class<?> component;

        Kind(String arrayElementType, Class<?> component) {
            this.arrayElementType = arrayElementType;
            this.component = component;
        }
    }

    private static final class Column {
        final Kind kind;
        Object values;

        Column(Kind kind, int capacity) {
            this.kind = kind;
            this.values = java.lang.reflect.Array.newInstance(kind.component, capacity);
        }
    }

    private final Column[] columns;
    private final int maxRows;
    private int capacity;
    private int rows;
    private int column;

    /**
     * @param columnCount columns per row
     * @param maxRows the most rows one chunk holds
     * @param expectedRows how many rows to make room for at first (the input size when known)
     */
    UnnestColumns(int columnCount, int maxRows, int expectedRows) {
        this.columns = new Column[columnCount];
        this.maxRows = maxRows;
        // Room grows by doubling, so a huge chunkSize with a small input costs nothing up front.
        this.capacity = Math.max(1, Math.min(maxRows, expectedRows > 0 ? expectedRows : 1024));
    }

    int rows() {
        return rows;
    }

    int columnCount() {
        return columns.length;
    }

    boolean full() {
        return rows >= maxRows;
    }

    void clear() {
        rows = 0;
    }

    void beginRow() {
        column = 0;
        if (rows == capacity) {
            capacity = (int) Math.min(maxRows, 2L * capacity);
            for (Column c : columns) {
                if (c != null) {
                    Object grown = java.lang.reflect.Array.newInstance(c.kind.component, capacity);
                    System.arraycopy(c.values, 0, grown, 0, rows);
                    c.values = grown;
                }
            }
        }
    }

    /** Ends a row; false when the writer did not write exactly one value per column. */
    boolean endRow() {
        rows++;
        return column == columns.length;
    }

    /** Binds column {@code i} as parameter {@code i + 1}, each array cut to the rows of this chunk. */
    void bind(PreparedStatement stmt, PGConnection connection) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            Object values = c.values;
            if (java.lang.reflect.Array.getLength(values) != rows) {
                values = java.lang.reflect.Array.newInstance(c.kind.component, rows);
                System.arraycopy(c.values, 0, values, 0, rows);
            }
            stmt.setArray(i + 1, connection.createArrayOf(c.kind.arrayElementType, values));
        }
    }

    /** The array of the next column, created on the first row with the form its first write asks for. */
    private Object next(Kind kind) {
        Column c = columns[column];
        if (c == null) {
            c = new Column(kind, capacity);
            columns[column] = c;
        }
        column++;
        return c.values;
    }

    @Override
    public void writeInt(int value) {
        ((int[]) next(Kind.INT))[rows] = value;
    }

    @Override
    public void writeInt(Integer value) {
        ((Integer[]) next(Kind.INT_OR_NULL))[rows] = value;
    }

    @Override
    public void writeLong(long value) {
        ((long[]) next(Kind.LONG))[rows] = value;
    }

    @Override
    public void writeLong(Long value) {
        ((Long[]) next(Kind.LONG_OR_NULL))[rows] = value;
    }

    @Override
    public void writeShort(short value) {
        ((short[]) next(Kind.SHORT))[rows] = value;
    }

    @Override
    public void writeShort(Short value) {
        ((Short[]) next(Kind.SHORT_OR_NULL))[rows] = value;
    }

    @Override
    public void writeDouble(double value) {
        ((double[]) next(Kind.DOUBLE))[rows] = value;
    }

    @Override
    public void writeDouble(Double value) {
        ((Double[]) next(Kind.DOUBLE_OR_NULL))[rows] = value;
    }

    @Override
    public void writeFloat(float value) {
        ((float[]) next(Kind.FLOAT))[rows] = value;
    }

    @Override
    public void writeFloat(Float value) {
        ((Float[]) next(Kind.FLOAT_OR_NULL))[rows] = value;
    }

    @Override
    public void writeBoolean(boolean value) {
        ((boolean[]) next(Kind.BOOLEAN))[rows] = value;
    }

    @Override
    public void writeBoolean(Boolean value) {
        ((Boolean[]) next(Kind.BOOLEAN_OR_NULL))[rows] = value;
    }

    @Override
    public void writeString(String value) {
        ((String[]) next(Kind.TEXT))[rows] = value;
    }

    @Override
    public void writeEnum(Enum<?> value) {
        ((String[]) next(Kind.TEXT))[rows] = value == null ? null : value.name();
    }

    @Override
    public void writeDecimal(BigDecimal value) {
        ((BigDecimal[]) next(Kind.NUMERIC))[rows] = value;
    }

    @Override
    public void writeUuid(UUID value) {
        ((UUID[]) next(Kind.UUID))[rows] = value;
    }

    @Override
    public void writeBytes(byte[] value) {
        ((byte[][]) next(Kind.BYTEA))[rows] = value;
    }

    @Override
    public void writeInstant(Instant value) {
        ((Object[]) next(Kind.TIMESTAMPTZ))[rows] = value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    // The java.time extremes are PostgreSQL's infinities, as pgjdbc binds them.

    @Override
    public void writeOffsetDateTime(OffsetDateTime value) {
        ((Object[]) next(Kind.TIMESTAMPTZ))[rows] = value == null ? null
                : value.equals(OffsetDateTime.MAX) ? "infinity"
                : value.equals(OffsetDateTime.MIN) ? "-infinity" : value;
    }

    @Override
    public void writeLocalDate(LocalDate value) {
        ((Object[]) next(Kind.DATE))[rows] = value == null ? null
                : value.equals(LocalDate.MAX) ? "infinity"
                : value.equals(LocalDate.MIN) ? "-infinity" : value;
    }

    @Override
    public void writeLocalDateTime(LocalDateTime value) {
        ((Object[]) next(Kind.TIMESTAMP))[rows] = value == null ? null
                : value.equals(LocalDateTime.MAX) ? "infinity"
                : value.equals(LocalDateTime.MIN) ? "-infinity" : value;
    }
}
