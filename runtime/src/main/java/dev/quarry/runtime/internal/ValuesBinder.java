package dev.quarry.runtime.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

/**
 * Binds rows to the parameters of a multi-row {@code INSERT … VALUES (?, ?), (?, ?)} statement,
 * one after the other: the n-th value written is parameter n. NULLs and conversions go through
 * {@link Binders}, as for a single-row {@code @Query}.
 */
final class ValuesBinder implements ColumnSink {
    private final boolean[] untypedText;
    private PreparedStatement stmt;
    private int index;

    /**
     * @param untypedText per column, whether text is bound with no type, for PostgreSQL to read it
     *     as the column's own (enum, json, jsonb), which it does not do for {@code varchar}
     */
    ValuesBinder(boolean[] untypedText) {
        this.untypedText = untypedText.clone();
    }

    /** Starts binding {@code target} from its first parameter. */
    void target(PreparedStatement target) {
        this.stmt = target;
        this.index = 0;
    }

    /** Parameters bound since {@link #target}. */
    int bound() {
        return index;
    }

    @Override
    public void writeInt(int value) throws SQLException {
        stmt.setInt(++index, value);
    }

    @Override
    public void writeInt(Integer value) throws SQLException {
        Binders.setInt(stmt, ++index, value);
    }

    @Override
    public void writeLong(long value) throws SQLException {
        stmt.setLong(++index, value);
    }

    @Override
    public void writeLong(Long value) throws SQLException {
        Binders.setLong(stmt, ++index, value);
    }

    @Override
    public void writeShort(short value) throws SQLException {
        stmt.setShort(++index, value);
    }

    @Override
    public void writeShort(Short value) throws SQLException {
        Binders.setShort(stmt, ++index, value);
    }

    @Override
    public void writeDouble(double value) throws SQLException {
        stmt.setDouble(++index, value);
    }

    @Override
    public void writeDouble(Double value) throws SQLException {
        Binders.setDouble(stmt, ++index, value);
    }

    @Override
    public void writeFloat(float value) throws SQLException {
        stmt.setFloat(++index, value);
    }

    @Override
    public void writeFloat(Float value) throws SQLException {
        Binders.setFloat(stmt, ++index, value);
    }

    @Override
    public void writeBoolean(boolean value) throws SQLException {
        stmt.setBoolean(++index, value);
    }

    @Override
    public void writeBoolean(Boolean value) throws SQLException {
        Binders.setBoolean(stmt, ++index, value);
    }

    @Override
    public void writeString(String value) throws SQLException {
        int parameter = ++index;
        if (untypedText[(parameter - 1) % untypedText.length]) {
            stmt.setObject(parameter, value, Types.OTHER);
        } else {
            stmt.setString(parameter, value);
        }
    }

    @Override
    public void writeDecimal(BigDecimal value) throws SQLException {
        Binders.setDecimal(stmt, ++index, value, null);
    }

    @Override
    public void writeInstant(Instant value) throws SQLException {
        Binders.setInstant(stmt, ++index, value, null);
    }

    @Override
    public void writeOffsetDateTime(OffsetDateTime value) throws SQLException {
        Binders.setOffsetDateTime(stmt, ++index, value);
    }

    @Override
    public void writeLocalDate(LocalDate value) throws SQLException {
        Binders.setLocalDate(stmt, ++index, value);
    }

    @Override
    public void writeLocalDateTime(LocalDateTime value) throws SQLException {
        Binders.setLocalDateTime(stmt, ++index, value);
    }

    @Override
    public void writeUuid(UUID value) throws SQLException {
        Binders.setUuid(stmt, ++index, value);
    }

    @Override
    public void writeDuration(java.time.Duration value, String column) throws SQLException {
        Binders.bindDuration(stmt, ++index, value, "column \"" + column + "\"");
    }

    @Override
    public void writeBytes(byte[] value) throws SQLException {
        stmt.setBytes(++index, value);
    }

    @Override
    public void writeEnum(Enum<?> value) throws SQLException {
        Binders.setEnum(stmt, ++index, value);
    }

    /**
     * A list as the array {@link Binders} binds for a {@code @Query} parameter, enums by name; into
     * an array of enums or JSON, as an untyped literal PostgreSQL reads as the column's type.
     */
    @Override
    public void writeArray(String elementType, Collection<?> values) throws SQLException {
        int parameter = ++index;
        if (untypedText[(parameter - 1) % untypedText.length]) {
            stmt.setObject(parameter, values == null ? null : ArrayValues.literal(values), Types.OTHER);
        } else if (values != null && values.stream().anyMatch(v -> v instanceof Enum<?>)) {
            // a component's list is data: its NULL elements are kept, unlike a collection parameter's
            Binders.setEnumArrayOrNull(stmt, parameter, values.stream().map(v -> (Enum<?>) v).toList());
        } else {
            Binders.setArrayOrNull(stmt, parameter, elementType, values, "$" + parameter);
        }
    }
}
