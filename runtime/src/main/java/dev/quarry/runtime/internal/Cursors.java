package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The cursor of a keyset page: the last row's key values, each with its type, after the method's
 * fingerprint (a hash of the method and its keys, which generated code holds as a constant), and a
 * CRC-32C of all of it, in URL-safe Base64. A cursor of another method, or one altered in any
 * character, is an {@link IllegalArgumentException} before any SQL runs. The cursor is not signed:
 * a caller who rebuilds one can start a page at any key values (bound as values, never as text), as
 * a filter on the same columns could.
 */
public final class Cursors {
    private static final byte VERSION = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private enum Tag { LONG, INT, SHORT, DOUBLE, FLOAT, BOOLEAN, STRING, DECIMAL, INSTANT, OFFSET_DATE_TIME, LOCAL_DATE,
        LOCAL_DATE_TIME, UUID, DURATION, ENUM }

    private Cursors() {}

    /** A cursor for the method of {@code fingerprint}, whose keys generated code puts in order. */
    public static Writer write(long fingerprint, String method) {
        return new Writer(fingerprint, method);
    }

    /**
     * The keys of {@code cursor}, which the method of {@code fingerprint} made.
     *
     * @throws IllegalArgumentException when it is not such a cursor, naming {@code method}
     */
    public static Reader read(String cursor, long fingerprint, String method) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw refused(method, "it is not URL-safe Base64");
        }
        // the decoder takes padding and ignores bits past the last byte: a cursor is only the one text its
        // bytes encode to
        if (bytes.length < 1 + 8 + 4 || !canonical(cursor, bytes.length)) {
            throw refused(method, "it was altered or is not a cursor");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != buffer.getInt(bytes.length - 4)) {
            throw refused(method, "it was altered or is not a cursor");
        }
        if (buffer.get() != VERSION || buffer.getLong() != fingerprint) {
            throw refused(method, "another method, or this method with other ORDER BY keys, made it");
        }
        return new Reader(buffer.limit(bytes.length - 4), method);
    }

    /**
     * Whether {@code cursor} is the text {@code length} bytes encode to, as the decoder read it: no
     * padding, and no bits set in the last character beyond the last byte.
     */
    private static boolean canonical(String cursor, int length) {
        if (cursor.length() != (length * 4 + 2) / 3) {
            return false;
        }
        int spare = length % 3 == 1 ? 0x0F : length % 3 == 2 ? 0x03 : 0;
        return (sextet(cursor.charAt(cursor.length() - 1)) & spare) == 0;
    }

    /** The value of a character of the URL-safe alphabet (the decoder has refused any other). */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    static IllegalArgumentException refused(String method, String why) {
        return new IllegalArgumentException(method + ": the cursor is refused: " + why
                + "; a cursor is taken only from this method's CursoredPage.nextCursor()");
    }

    /** Puts one key value after another; a NULL key is a {@link DataException}, a cursor cannot order after it. */
    public static final class Writer {
        /** One buffer for the whole cursor, grown when a long string or decimal needs it. */
        private ByteBuffer out = ByteBuffer.allocate(64);
        private final String method;

        private Writer(long fingerprint, String method) {
            this.method = method;
            out.put(VERSION).putLong(fingerprint);
        }

        private Writer present(Object value, String column) {
            if (value == null) {
                throw new DataException(method + ": key column '" + column + "' of the page's last row is NULL, so no "
                        + "cursor can say where the next page starts; make the ORDER BY keys NOT NULL (or filter NULLs out)",
                        null, null, method, null);
            }
            return this;
        }

        /** The buffer, after a key's tag, with room for {@code bytes} more. */
        private ByteBuffer tag(Tag tag, int bytes) {
            return room(1 + bytes).put((byte) tag.ordinal());
        }

        private ByteBuffer room(int bytes) {
            if (out.remaining() < bytes) {
                out = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes)).put(out.flip());
            }
            return out;
        }

        private Writer putBytes(Tag tag, byte[] bytes) {
            tag(tag, 4 + bytes.length).putInt(bytes.length).put(bytes);
            return this;
        }

        public Writer putLong(Long value, String column) {
            present(value, column).tag(Tag.LONG, 8).putLong(value);
            return this;
        }

        public Writer putInt(Integer value, String column) {
            present(value, column).tag(Tag.INT, 4).putInt(value);
            return this;
        }

        public Writer putShort(Short value, String column) {
            present(value, column).tag(Tag.SHORT, 2).putShort(value);
            return this;
        }

        public Writer putDouble(Double value, String column) {
            present(value, column).tag(Tag.DOUBLE, 8).putLong(Double.doubleToRawLongBits(value));
            return this;
        }

        public Writer putFloat(Float value, String column) {
            present(value, column).tag(Tag.FLOAT, 4).putInt(Float.floatToRawIntBits(value));
            return this;
        }

        public Writer putBoolean(Boolean value, String column) {
            present(value, column).tag(Tag.BOOLEAN, 1).put((byte) (value ? 1 : 0));
            return this;
        }

        public Writer putString(String value, String column) {
            return present(value, column).putBytes(Tag.STRING, value.getBytes(StandardCharsets.UTF_8));
        }

        /** Unscaled digits and scale, so {@code 1.50} comes back as {@code 1.50}. */
        public Writer putDecimal(BigDecimal value, String column) {
            present(value, column).tag(Tag.DECIMAL, 4).putInt(value.scale());
            byte[] unscaled = value.unscaledValue().toByteArray();
            room(4 + unscaled.length).putInt(unscaled.length).put(unscaled);
            return this;
        }

        public Writer putInstant(Instant value, String column) {
            present(value, column).tag(Tag.INSTANT, 12).putLong(value.getEpochSecond()).putInt(value.getNano());
            return this;
        }

        public Writer putOffsetDateTime(OffsetDateTime value, String column) {
            present(value, column).tag(Tag.OFFSET_DATE_TIME, 16).putLong(value.toEpochSecond()).putInt(value.getNano())
                    .putInt(value.getOffset().getTotalSeconds());
            return this;
        }

        public Writer putLocalDate(LocalDate value, String column) {
            present(value, column).tag(Tag.LOCAL_DATE, 8).putLong(value.toEpochDay());
            return this;
        }

        public Writer putLocalDateTime(LocalDateTime value, String column) {
            present(value, column).tag(Tag.LOCAL_DATE_TIME, 12).putLong(value.toEpochSecond(ZoneOffset.UTC))
                    .putInt(value.getNano());
            return this;
        }

        public Writer putUuid(UUID value, String column) {
            present(value, column).tag(Tag.UUID, 16).putLong(value.getMostSignificantBits())
                    .putLong(value.getLeastSignificantBits());
            return this;
        }

        public Writer putDuration(Duration value, String column) {
            present(value, column).tag(Tag.DURATION, 12).putLong(value.getSeconds()).putInt(value.getNano());
            return this;
        }

        public Writer putEnum(Enum<?> value, String column) {
            return present(value, column).putBytes(Tag.ENUM, value.name().getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor. */
        public String encode() {
            int body = out.position();
            CRC32C crc = new CRC32C();
            crc.update(out.array(), 0, body);
            room(4).putInt((int) crc.getValue());
            String cursor = ENCODER.encodeToString(Arrays.copyOf(out.array(), out.position()));
            out.position(body);
            return cursor;
        }
    }

    /** Takes the key values in the order they were put; a value of another type is refused like an altered cursor. */
    public static final class Reader {
        private final ByteBuffer in;
        private final String method;

        private Reader(ByteBuffer in, String method) {
            this.in = in;
            this.method = method;
        }

        private ByteBuffer tag(Tag tag, int bytes) {
            if (in.remaining() < 1 + bytes || in.get() != tag.ordinal()) {
                throw refused(method, "its keys do not match this method's");
            }
            return in;
        }

        private byte[] bytes(Tag tag) {
            tag(tag, 0);
            return lengthPrefixed();
        }

        public long getLong() {
            return tag(Tag.LONG, 8).getLong();
        }

        public int getInt() {
            return tag(Tag.INT, 4).getInt();
        }

        public short getShort() {
            return tag(Tag.SHORT, 2).getShort();
        }

        public double getDouble() {
            return Double.longBitsToDouble(tag(Tag.DOUBLE, 8).getLong());
        }

        public float getFloat() {
            return Float.intBitsToFloat(tag(Tag.FLOAT, 4).getInt());
        }

        public boolean getBoolean() {
            return tag(Tag.BOOLEAN, 1).get() != 0;
        }

        public String getString() {
            return new String(bytes(Tag.STRING), StandardCharsets.UTF_8);
        }

        public BigDecimal getDecimal() {
            int scale = tag(Tag.DECIMAL, 4).getInt();
            byte[] unscaled = lengthPrefixed();
            if (unscaled.length == 0) {
                throw refused(method, "its keys do not match this method's");
            }
            return new BigDecimal(new BigInteger(unscaled), scale);
        }

        private byte[] lengthPrefixed() {
            if (in.remaining() < 4) {
                throw refused(method, "its keys do not match this method's");
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw refused(method, "its keys do not match this method's");
            }
            byte[] bytes = new byte[length];
            in.get(bytes);
            return bytes;
        }

        public Instant getInstant() {
            ByteBuffer b = tag(Tag.INSTANT, 12);
            return checked(() -> Instant.ofEpochSecond(b.getLong(), b.getInt()));
        }

        public OffsetDateTime getOffsetDateTime() {
            ByteBuffer b = tag(Tag.OFFSET_DATE_TIME, 16);
            return checked(() -> {
                Instant instant = Instant.ofEpochSecond(b.getLong(), b.getInt());
                return OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(b.getInt()));
            });
        }

        public LocalDate getLocalDate() {
            ByteBuffer b = tag(Tag.LOCAL_DATE, 8);
            return checked(() -> LocalDate.ofEpochDay(b.getLong()));
        }

        public LocalDateTime getLocalDateTime() {
            ByteBuffer b = tag(Tag.LOCAL_DATE_TIME, 12);
            return checked(() -> LocalDateTime.ofEpochSecond(b.getLong(), b.getInt(), ZoneOffset.UTC));
        }

        public UUID getUuid() {
            ByteBuffer b = tag(Tag.UUID, 16);
            return new UUID(b.getLong(), b.getLong());
        }

        public Duration getDuration() {
            ByteBuffer b = tag(Tag.DURATION, 12);
            return checked(() -> Duration.ofSeconds(b.getLong(), b.getInt()));
        }

        public <E extends Enum<E>> E getEnum(Class<E> type) {
            String name = new String(bytes(Tag.ENUM), StandardCharsets.UTF_8);
            return checked(() -> Enum.valueOf(type, name));
        }

        /** Every key was taken: nothing may follow them. */
        public void end() {
            if (in.hasRemaining()) {
                throw refused(method, "its keys do not match this method's");
            }
        }

        private <T> T checked(java.util.function.Supplier<T> value) {
            try {
                return value.get();
            } catch (RuntimeException e) {
                throw refused(method, "its keys do not match this method's");
            }
        }
    }
}
