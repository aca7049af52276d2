package dev.quarry.runtime.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/**
 * Writes values as PostgreSQL's binary send functions do, each as a 32-bit length (-1 for NULL)
 * and the value, big endian: the field format of binary COPY and the element format of binary
 * arrays alike, so COPY and UNNEST share one encoding. Timestamps are microseconds and dates days
 * since 2000-01-01; numeric is base-10000 digits with weight, sign and display scale; text is UTF-8.
 *
 * <p>Subclasses decide what happens when the buffer is full: COPY sends it, an array grows it.
 */
abstract class BinaryValues implements ColumnSink {
    /** Values up to this size are encoded in the buffer; larger ones go through {@link #writeOversized}. */
    static final int MAX_INLINE = 64 * 1024;
    /** 2000-01-01T00:00:00Z in Unix epoch seconds and days: PostgreSQL's epoch. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final long PG_EPOCH_DAYS = 10_957L;
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;

    byte[] buffer;
    int position;
    /** Values written, and how many of them were NULL, since the subclass last reset them. */
    int fields;
    int nulls;

    BinaryValues(int capacity) {
        this.buffer = new byte[capacity];
    }

    /** Makes room for {@code bytes} more (at most {@link #MAX_INLINE}) after {@code position}. */
    abstract void ensure(int bytes) throws SQLException;

    /** Writes the bytes of a value larger than {@link #MAX_INLINE}, whose length is already written. */
    abstract void writeOversized(byte[] bytes) throws SQLException;

    private void putNull() throws SQLException {
        ensure(4);
        putInt(-1);
        fields++;
        nulls++;
    }

    final void putShort(short v) {
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    final void putInt(int v) {
        buffer[position++] = (byte) (v >>> 24);
        buffer[position++] = (byte) (v >>> 16);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    final void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    final void put(byte[] bytes, int offset, int length) {
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    private void fixed4(int v) throws SQLException {
        ensure(8);
        putInt(4);
        putInt(v);
        fields++;
    }

    private void fixed8(long v) throws SQLException {
        ensure(12);
        putInt(8);
        putLong(v);
        fields++;
    }

    @Override
    public void writeInt(int value) throws SQLException {
        fixed4(value);
    }

    @Override
    public void writeInt(Integer value) throws SQLException {
        if (value == null) {
            putNull();
        } else {
            fixed4(value);
        }
    }

    @Override
    public void writeLong(long value) throws SQLException {
        fixed8(value);
    }

    @Override
    public void writeLong(Long value) throws SQLException {
        if (value == null) {
            putNull();
        } else {
            fixed8(value);
        }
    }

    @Override
    public void writeShort(short value) throws SQLException {
        ensure(6);
        putInt(2);
        putShort(value);
        fields++;
    }

    @Override
    public void writeShort(Short value) throws SQLException {
        if (value == null) {
            putNull();
        } else {
            writeShort(value.shortValue());
        }
    }

    @Override
    public void writeDouble(double value) throws SQLException {
        fixed8(Double.doubleToLongBits(value));
    }

    @Override
    public void writeDouble(Double value) throws SQLException {
        if (value == null) {
            putNull();
        } else {
            writeDouble(value.doubleValue());
        }
    }

    @Override
    public void writeFloat(float value) throws SQLException {
        fixed4(Float.floatToIntBits(value));
    }

    @Override
    public void writeFloat(Float value) throws SQLException {
        if (value == null) {
            putNull();
        } else {
            writeFloat(value.floatValue());
        }
    }

    @Override
    public void writeBoolean(boolean value) throws SQLException {
        ensure(5);
        putInt(1);
        buffer[position++] = (byte) (value ? 1 : 0);
        fields++;
    }

    @Override
    public void writeBoolean(Boolean value) throws SQLException {
        if (value == null) {
            putNull();
        } else {
            writeBoolean(value.booleanValue());
        }
    }

    @Override
    public void writeString(String value) throws SQLException {
        if (value == null) {
            putNull();
            return;
        }
        int length = value.length();
        // At most 3 bytes per UTF-16 unit; encode in place when that fits, else through a copy.
        if (4 + 3L * length > MAX_INLINE) {
            writeLarge(value.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ensure(4 + 3 * length);
        int lengthAt = position;
        position += 4;
        int start = position;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                buffer[position++] = (byte) c;
            } else if (c < 0x800) {
                buffer[position++] = (byte) (0xC0 | (c >> 6));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                buffer[position++] = (byte) (0xF0 | (cp >> 18));
                buffer[position++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[position++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // An unpaired surrogate is not text; String.getBytes writes '?' for it, and so do we.
                buffer[position++] = '?';
            } else {
                buffer[position++] = (byte) (0xE0 | (c >> 12));
                buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        int encoded = position - start;
        buffer[lengthAt] = (byte) (encoded >>> 24);
        buffer[lengthAt + 1] = (byte) (encoded >>> 16);
        buffer[lengthAt + 2] = (byte) (encoded >>> 8);
        buffer[lengthAt + 3] = (byte) encoded;
        fields++;
    }

    /** A value of any size: its length, then its bytes, inline when they fit the buffer. */
    private void writeLarge(byte[] bytes) throws SQLException {
        ensure(4);
        putInt(bytes.length);
        writeBytesOfValue(bytes);
        fields++;
    }

    /**
     * Text in jsonb's binary input format: a version byte (1) and the JSON text, which the server
     * parses and checks as it would the text form.
     */
    final void writeJsonb(String value) throws SQLException {
        if (value == null) {
            putNull();
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(5);
        putInt(bytes.length + 1);
        buffer[position++] = 1;
        writeBytesOfValue(bytes);
        fields++;
    }

    /** The elements of a list: the binary array of element type {@link #arrayElementOid}. */
    @Override
    public void writeArray(String elementType, Collection<?> values) throws SQLException {
        if (values == null) {
            putNull();
        } else {
            writeLarge(ArrayValues.binary(arrayElementOid(elementType), elementType, values));
        }
    }

    /** The element type an array written now carries; COPY overrides it with the column's. */
    int arrayElementOid(String elementType) {
        return ArrayValues.oid(elementType);
    }

    private void writeBytesOfValue(byte[] bytes) throws SQLException {
        if (bytes.length <= MAX_INLINE) {
            ensure(bytes.length);
            put(bytes, 0, bytes.length);
        } else {
            writeOversized(bytes);
        }
    }

    @Override
    public void writeBytes(byte[] value) throws SQLException {
        if (value == null) {
            putNull();
        } else {
            writeLarge(value);
        }
    }

    @Override
    public void writeEnum(Enum<?> value) throws SQLException {
        writeString(value == null ? null : value.name());
    }

    /** interval_send: microseconds (int64), days (int32), months (int32); a Duration fills the first only. */
    @Override
    public void writeDuration(java.time.Duration value, String column) throws SQLException {
        if (value == null) {
            putNull();
            return;
        }
        long micros = Intervals.micros(value, "column \"" + column + "\"");
        ensure(20);
        putInt(16);
        putLong(micros);
        putInt(0);
        putInt(0);
        fields++;
    }

    @Override
    public void writeUuid(UUID value) throws SQLException {
        if (value == null) {
            putNull();
            return;
        }
        ensure(20);
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        fields++;
    }

    @Override
    public void writeLocalDate(LocalDate value) throws SQLException {
        if (value == null) {
            putNull();
        } else if (value.equals(LocalDate.MAX) || value.equals(LocalDate.MIN)) {
            // pgjdbc sends these as 'infinity' and '-infinity'; the binary form is the int32 extremes.
            fixed4(value.equals(LocalDate.MAX) ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        } else {
            long days = value.toEpochDay() - PG_EPOCH_DAYS;
            if (days != (int) days) {
                throw PgLimits.dateRefused(value.toString());
            }
            fixed4((int) days);
        }
    }

    @Override
    public void writeLocalDateTime(LocalDateTime value) throws SQLException {
        if (value == null) {
            putNull();
        } else if (value.equals(LocalDateTime.MAX) || value.equals(LocalDateTime.MIN)) {
            fixed8(value.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
        } else {
            fixed8(micros(value.toEpochSecond(ZoneOffset.UTC), value.getNano(), value));
        }
    }

    @Override
    public void writeInstant(Instant value) throws SQLException {
        if (value == null) {
            putNull();
        } else if (value.equals(Instant.MAX) || value.equals(Instant.MIN)) {
            // 'infinity' and '-infinity', as they are read
            fixed8(value.equals(Instant.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
        } else {
            PgLimits.checkTimestamp(value);
            fixed8(micros(value.getEpochSecond(), value.getNano(), value));
        }
    }

    @Override
    public void writeOffsetDateTime(OffsetDateTime value) throws SQLException {
        if (value == null) {
            putNull();
        } else if (value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
            fixed8(value.equals(OffsetDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
        } else {
            fixed8(micros(value.toEpochSecond(), value.getNano(), value));
        }
    }

    /**
     * Microseconds since PostgreSQL's epoch, nanoseconds rounded half up as pgjdbc rounds them; a
     * value too far out for 64 bits is refused (the server checks the narrower range it holds).
     */
    private static long micros(long unixSeconds, int nanos, Object value) throws RefusedValue {
        try {
            return Math.addExact(Math.multiplyExact(unixSeconds - PG_EPOCH_SECONDS, 1_000_000L), (nanos + 500) / 1000);
        } catch (ArithmeticException e) {
            throw PgLimits.timestampRefused(value.toString());
        }
    }

    @Override
    public void writeDecimal(BigDecimal value) throws SQLException {
        if (value == null) {
            putNull();
            return;
        }
        BigDecimal abs = PgLimits.numeric(value).abs();
        if (abs.scale() < 0) {
            abs = abs.setScale(0);
        }
        int scale = abs.scale();
        BigInteger unscaled = abs.unscaledValue();
        String digits = unscaled.signum() == 0 ? "" : unscaled.toString();
        // Split into integer and fraction digits, pad each to whole groups of four, read base-10000 digits.
        int integerDigits = digits.length() - scale;
        int leadPad = integerDigits > 0 ? (4 - integerDigits % 4) % 4 : 0;
        int paddedInteger = integerDigits > 0 ? integerDigits + leadPad : 0;
        int fractionDigits = scale;
        int paddedFraction = (fractionDigits + 3) / 4 * 4;
        int groups = (paddedInteger + paddedFraction) / 4;
        short[] base10000 = new short[groups];
        for (int g = 0; g < groups; g++) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                v = v * 10 + digitAt(digits, g * 4 + k, leadPad, paddedInteger, integerDigits);
            }
            base10000[g] = (short) v;
        }
        int weight = paddedInteger / 4 - 1;
        int first = 0;
        while (first < groups && base10000[first] == 0) {
            first++;
            weight--;
        }
        int last = groups;
        while (last > first && base10000[last - 1] == 0) {
            last--;
        }
        int ndigits = last - first;
        if (ndigits == 0) {
            weight = 0;
        }
        short sign = ndigits > 0 && value.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE;
        int length = 8 + 2 * ndigits;
        if (4 + length > MAX_INLINE) {
            // up to 32768 digits of 2 bytes: more than the buffer holds, so it goes as a large value
            ByteBuffer bytes = ByteBuffer.allocate(length);
            bytes.putShort((short) ndigits).putShort((short) weight).putShort(sign).putShort((short) scale);
            for (int g = first; g < last; g++) {
                bytes.putShort(base10000[g]);
            }
            writeLarge(bytes.array());
            return;
        }
        ensure(4 + length);
        putInt(length);
        putShort((short) ndigits);
        putShort((short) weight);
        putShort(sign);
        putShort((short) scale);
        for (int g = first; g < last; g++) {
            putShort(base10000[g]);
        }
        fields++;
    }

    /**
     * The decimal digit at {@code index} of the padded digit string: {@code leadPad} zeros, the
     * integer digits, then the fraction digits (with zeros in front when the value is below
     * 10^-n, and zeros after to fill the last group).
     */
    private static int digitAt(String digits, int index, int leadPad, int paddedInteger, int integerDigits) {
        int source = index < paddedInteger ? index - leadPad : integerDigits + (index - paddedInteger);
        return source >= 0 && source < digits.length() ? digits.charAt(source) - '0' : 0;
    }
}
