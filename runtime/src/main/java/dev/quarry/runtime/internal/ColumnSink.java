package dev.quarry.runtime.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

/**
 * Receives the column values of one row, in column order, from a generated {@link RowWriter}.
 * Each bulk strategy has its own sink (binary COPY encoding, UNNEST arrays, VALUES parameters),
 * so one generated writer serves them all. The primitive forms never carry NULL; the reference
 * forms write SQL NULL for {@code null}.
 */
public interface ColumnSink {
    void writeInt(int value) throws SQLException;

    void writeInt(Integer value) throws SQLException;

    void writeLong(long value) throws SQLException;

    void writeLong(Long value) throws SQLException;

    void writeShort(short value) throws SQLException;

    void writeShort(Short value) throws SQLException;

    void writeDouble(double value) throws SQLException;

    void writeDouble(Double value) throws SQLException;

    void writeFloat(float value) throws SQLException;

    void writeFloat(Float value) throws SQLException;

    void writeBoolean(boolean value) throws SQLException;

    void writeBoolean(Boolean value) throws SQLException;

    void writeString(String value) throws SQLException;

    void writeDecimal(BigDecimal value) throws SQLException;

    void writeInstant(Instant value) throws SQLException;

    void writeOffsetDateTime(OffsetDateTime value) throws SQLException;

    void writeLocalDate(LocalDate value) throws SQLException;

    void writeLocalDateTime(LocalDateTime value) throws SQLException;

    void writeUuid(UUID value) throws SQLException;

    void writeBytes(byte[] value) throws SQLException;

    /**
     * An {@code interval} of exactly the Duration's microseconds; {@code column} names the column in
     * the exception for a Duration finer than a microsecond, which is refused, never rounded.
     */
    void writeDuration(java.time.Duration value, String column) throws SQLException;

    /** The constant's name, as text (which PostgreSQL also accepts for its enum types where it can infer them). */
    void writeEnum(Enum<?> value) throws SQLException;

    /**
     * A {@code List} component as one PostgreSQL array of {@code elementType} ({@code "int8"},
     * {@code "text"}, …; enum constants go as their names): SQL NULL for {@code null}, NULL
     * elements kept as NULL elements.
     */
    void writeArray(String elementType, Collection<?> values) throws SQLException;
}
