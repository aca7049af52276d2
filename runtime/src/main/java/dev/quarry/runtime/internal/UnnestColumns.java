package dev.quarry.runtime.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.PgArray;

/**
 * Collects a chunk of rows column by column and binds each column as one PostgreSQL array
 * parameter of {@code INSERT … SELECT * FROM unnest(?::int8[], ?::text[], …)}.
 *
 * <p>Each array is built in PostgreSQL's binary array format with the same value encoding as
 * binary COPY ({@link BinaryValues}), and sent as is: no text literal to build on this side or to
 * parse on the server's, for every column type alike.
 */
final class UnnestColumns implements ColumnSink {
    private final BinaryArray[] columns;
    /** Per column, whether it is bound; the statement sets the others itself ({@code now()}). */
    private final boolean[] sent;
    private final int maxRows;
    private int rows;
    private int column;

    /**
     * @param columnCount columns per row
     * @param maxRows the most rows one chunk holds
     * @param unsent the columns the row writer writes but the statement does not take, or {@code null}
     */
    UnnestColumns(int columnCount, int maxRows, int[] unsent) {
        this.columns = new BinaryArray[columnCount];
        this.sent = sent(columnCount, unsent);
        this.maxRows = maxRows;
    }

    /** Per column, whether it has an array: all but those in {@code unsent} ({@code null}: none). */
    static boolean[] sent(int columnCount, int[] unsent) {
        boolean[] sent = new boolean[columnCount];
        Arrays.fill(sent, true);
        if (unsent != null) {
            for (int i : unsent) {
                sent[i] = false;
            }
        }
        return sent;
    }

    int rows() {
        return rows;
    }

    /** The array parameters a chunk binds. */
    int parameterCount() {
        int count = 0;
        for (boolean bound : sent) {
            count += bound ? 1 : 0;
        }
        return count;
    }

    /** Whether the chunk holds its most rows, or about {@link BulkWrites#MAX_CHUNK_BYTES} of values. */
    boolean full() {
        return rows >= maxRows || bytes() >= BulkWrites.MAX_CHUNK_BYTES;
    }

    /** The bytes of the arrays so far. */
    long bytes() {
        long bytes = 0;
        for (BinaryArray c : columns) {
            if (c != null) {
                bytes += c.position;
            }
        }
        return bytes;
    }

    void clear() {
        rows = 0;
        for (BinaryArray c : columns) {
            if (c != null) {
                c.clear();
            }
        }
    }

    void beginRow() {
        column = 0;
    }

    /** The column of the row being written that the last value written went to. */
    int lastColumn() {
        return column - 1;
    }

    /** Ends a row; false when the writer did not write exactly one value per column. */
    boolean endRow() {
        rows++;
        return column == columns.length;
    }

    /** Binds each sent column, in column order, as the next parameter. */
    void bind(PreparedStatement stmt, BaseConnection connection) throws SQLException {
        int parameter = 1;
        for (int i = 0; i < columns.length; i++) {
            if (sent[i]) {
                BinaryArray c = columns[i];
                stmt.setArray(parameter++, new PgArray(connection, c.type.arrayOid, c.toBytes()));
            }
        }
    }

    /** The next column's array, created on the first row with the type its first write asks for. */
    private BinaryArray next(BinaryArray.Type type) {
        BinaryArray c = columns[column];
        if (c == null) {
            c = new BinaryArray(type, 4096);
            columns[column] = c;
        } else if (!sent[column]) {
            // never bound: it holds only the value being written, which is dropped with the next
            c.clear();
        }
        column++;
        return c;
    }

    @Override
    public void writeInt(int value) throws SQLException {
        next(BinaryArray.Type.INT4).writeInt(value);
    }

    @Override
    public void writeInt(Integer value) throws SQLException {
        next(BinaryArray.Type.INT4).writeInt(value);
    }

    @Override
    public void writeLong(long value) throws SQLException {
        next(BinaryArray.Type.INT8).writeLong(value);
    }

    @Override
    public void writeLong(Long value) throws SQLException {
        next(BinaryArray.Type.INT8).writeLong(value);
    }

    @Override
    public void writeShort(short value) throws SQLException {
        next(BinaryArray.Type.INT2).writeShort(value);
    }

    @Override
    public void writeShort(Short value) throws SQLException {
        next(BinaryArray.Type.INT2).writeShort(value);
    }

    @Override
    public void writeDouble(double value) throws SQLException {
        next(BinaryArray.Type.FLOAT8).writeDouble(value);
    }

    @Override
    public void writeDouble(Double value) throws SQLException {
        next(BinaryArray.Type.FLOAT8).writeDouble(value);
    }

    @Override
    public void writeFloat(float value) throws SQLException {
        next(BinaryArray.Type.FLOAT4).writeFloat(value);
    }

    @Override
    public void writeFloat(Float value) throws SQLException {
        next(BinaryArray.Type.FLOAT4).writeFloat(value);
    }

    @Override
    public void writeBoolean(boolean value) throws SQLException {
        next(BinaryArray.Type.BOOL).writeBoolean(value);
    }

    @Override
    public void writeBoolean(Boolean value) throws SQLException {
        next(BinaryArray.Type.BOOL).writeBoolean(value);
    }

    @Override
    public void writeString(String value) throws SQLException {
        next(BinaryArray.Type.TEXT).writeString(value);
    }

    @Override
    public void writeEnum(Enum<?> value) throws SQLException {
        next(BinaryArray.Type.TEXT).writeEnum(value);
    }

    @Override
    public void writeDecimal(BigDecimal value) throws SQLException {
        next(BinaryArray.Type.NUMERIC).writeDecimal(value);
    }

    @Override
    public void writeUuid(UUID value) throws SQLException {
        next(BinaryArray.Type.UUID).writeUuid(value);
    }

    @Override
    public void writeDuration(java.time.Duration value, String column) throws SQLException {
        next(BinaryArray.Type.INTERVAL).writeDuration(value, column);
    }

    @Override
    public void writeBytes(byte[] value) throws SQLException {
        next(BinaryArray.Type.BYTEA).writeBytes(value);
    }

    @Override
    public void writeInstant(Instant value) throws SQLException {
        next(BinaryArray.Type.TIMESTAMPTZ).writeInstant(value);
    }

    @Override
    public void writeOffsetDateTime(OffsetDateTime value) throws SQLException {
        next(BinaryArray.Type.TIMESTAMPTZ).writeOffsetDateTime(value);
    }

    @Override
    public void writeLocalDate(LocalDate value) throws SQLException {
        next(BinaryArray.Type.DATE).writeLocalDate(value);
    }

    @Override
    public void writeLocalDateTime(LocalDateTime value) throws SQLException {
        next(BinaryArray.Type.TIMESTAMP).writeLocalDateTime(value);
    }

    /** The row's array as the text of an array literal, in a text array; the select list casts it back. */
    @Override
    public void writeArray(String elementType, Collection<?> values) throws SQLException {
        next(BinaryArray.Type.TEXT).writeString(values == null ? null : ArrayValues.literal(values));
    }
}
