package dev.quarry.runtime.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

/**
 * Adds up about how many bytes the values written to it take as parameters: text and bytea by
 * length, anything else as a few bytes. Cheap enough to run over every row, so that a multi-row
 * statement is cut before its values approach PostgreSQL's 1 GB message limit.
 */
final class RowBytes implements ColumnSink {
    /** What each parameter costs beyond its value: its length word. */
    private static final int PER_VALUE = 4;

    private long bytes;

    long bytes() {
        return bytes;
    }

    void clear() {
        bytes = 0;
    }

    private void fixed(int size) {
        bytes += PER_VALUE + size;
    }

    @Override
    public void writeInt(int value) {
        fixed(4);
    }

    @Override
    public void writeInt(Integer value) {
        fixed(4);
    }

    @Override
    public void writeLong(long value) {
        fixed(8);
    }

    @Override
    public void writeLong(Long value) {
        fixed(8);
    }

    @Override
    public void writeShort(short value) {
        fixed(2);
    }

    @Override
    public void writeShort(Short value) {
        fixed(2);
    }

    @Override
    public void writeDouble(double value) {
        fixed(8);
    }

    @Override
    public void writeDouble(Double value) {
        fixed(8);
    }

    @Override
    public void writeFloat(float value) {
        fixed(4);
    }

    @Override
    public void writeFloat(Float value) {
        fixed(4);
    }

    @Override
    public void writeBoolean(boolean value) {
        fixed(1);
    }

    @Override
    public void writeBoolean(Boolean value) {
        fixed(1);
    }

    @Override
    public void writeString(String value) {
        fixed(value == null ? 0 : value.length());
    }

    @Override
    public void writeDecimal(BigDecimal value) {
        fixed(value == null ? 0 : 8 + value.precision() / 2);
    }

    @Override
    public void writeInstant(Instant value) {
        fixed(8);
    }

    @Override
    public void writeOffsetDateTime(OffsetDateTime value) {
        fixed(8);
    }

    @Override
    public void writeLocalDate(LocalDate value) {
        fixed(4);
    }

    @Override
    public void writeLocalDateTime(LocalDateTime value) {
        fixed(8);
    }

    @Override
    public void writeUuid(UUID value) {
        fixed(16);
    }

    @Override
    public void writeBytes(byte[] value) {
        fixed(value == null ? 0 : value.length);
    }

    @Override
    public void writeEnum(Enum<?> value) {
        fixed(value == null ? 0 : value.name().length());
    }

    @Override
    public void writeArray(String elementType, Collection<?> values) {
        bytes += PER_VALUE + ArrayValues.estimate(values);
    }

    @Override
    public void writeDuration(java.time.Duration value, String column) {
        fixed(16);
    }
}
