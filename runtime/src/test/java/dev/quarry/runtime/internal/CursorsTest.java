package dev.quarry.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The cursor a keyset page hands out: every key type comes back as it went in, and anything but
 * the exact text a method made is refused before it could reach SQL.
 */
class CursorsTest {
    private static final long FINGERPRINT = 0x5DEECE66DL * 31 + 0x7F4A7C15L;
    private static final long OTHER_FINGERPRINT = FINGERPRINT + 1;
    private static final String METHOD = "Items.feed";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    enum Status { ACTIVE, BLOCKED, ÜBER_STATUS }

    enum OtherStatus { ACTIVE }

    private static Cursors.Writer writer() {
        return Cursors.write(FINGERPRINT, METHOD);
    }

    private static Cursors.Reader reader(String cursor) {
        return Cursors.read(cursor, FINGERPRINT, METHOD);
    }

    /** One value through a cursor of its own and back, with nothing left after it. */
    private static <T> T roundTrip(T value, BiConsumer<Cursors.Writer, T> put, Function<Cursors.Reader, T> get) {
        Cursors.Writer writer = writer();
        put.accept(writer, value);
        String cursor = writer.encode();
        assertTrue(URL_SAFE.matcher(cursor).matches(), "URL-safe: " + cursor);
        Cursors.Reader reader = reader(cursor);
        T back = get.apply(reader);
        reader.end();
        return back;
    }

    @Test
    void integers() {
        for (long v : new long[] {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, -(1L << 31)}) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putLong(x, "id"), Cursors.Reader::getLong));
        }
        for (int v : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 65536}) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putInt(x, "n"), Cursors.Reader::getInt));
        }
        for (short v : new short[] {0, 1, -1, Short.MIN_VALUE, Short.MAX_VALUE}) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putShort(x, "s"), Cursors.Reader::getShort));
        }
    }

    @Test
    void floatingPointKeepsNanNegativeZeroAndInfinities() {
        for (double v : new double[] {0.0, -0.0, 1.5, -1e-300, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2}) {
            double back = roundTrip(v, (w, x) -> w.putDouble(x, "score"), Cursors.Reader::getDouble);
            // Double.equals tells NaN from NaN as equal and -0.0 from 0.0 as different
            assertEquals(Double.valueOf(v), Double.valueOf(back), "double " + v);
        }
        for (float v : new float[] {0f, -0f, 1.25f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MIN_VALUE, Float.MAX_VALUE}) {
            float back = roundTrip(v, (w, x) -> w.putFloat(x, "ratio"), Cursors.Reader::getFloat);
            assertEquals(Float.valueOf(v), Float.valueOf(back), "float " + v);
        }
    }

    @Test
    void booleans() {
        assertEquals(true, roundTrip(true, (w, x) -> w.putBoolean(x, "flag"), Cursors.Reader::getBoolean));
        assertEquals(false, roundTrip(false, (w, x) -> w.putBoolean(x, "flag"), Cursors.Reader::getBoolean));
    }

    @Test
    void stringsEmptyNonAsciiAndLong() {
        StringBuilder tenK = new StringBuilder();
        while (tenK.length() < 10_240) {
            tenK.append("name-").append(tenK.length()).append("-ü€😀,;'\"\\%_ ");
        }
        for (String v : List.of("", " ", "a", "Ünïcödé ∑ 日本語 😀", "\u0000nul inside\u0000", "'; DROP TABLE items; --",
                "tab\tnew\nline", tenK.toString())) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putString(x, "name"), Cursors.Reader::getString));
        }
        assertTrue(tenK.toString().getBytes(StandardCharsets.UTF_8).length > 10_240);
    }

    @Test
    void decimalsKeepTheirScale() {
        BigDecimal back = roundTrip(new BigDecimal("1.50"), (w, x) -> w.putDecimal(x, "price"),
                Cursors.Reader::getDecimal);
        assertEquals(new BigDecimal("1.50"), back);
        assertEquals(2, back.scale());
        assertEquals("1.50", back.toPlainString());
        for (String v : List.of("0", "0.00", "-0.001", "1E+5", "123456789012345678901234567890.123456789",
                "-98765432109876543210987654321098765432109876543210", "0.0000000000000000000000000001")) {
            BigDecimal d = new BigDecimal(v);
            BigDecimal out = roundTrip(d, (w, x) -> w.putDecimal(x, "price"), Cursors.Reader::getDecimal);
            assertEquals(d, out, v);
            assertEquals(d.scale(), out.scale(), v);
        }
    }

    @Test
    void instantsToTheirEnds() {
        for (Instant v : List.of(Instant.EPOCH, Instant.MAX, Instant.MIN, Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.ofEpochSecond(-1, 1))) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putInstant(x, "created_at"), Cursors.Reader::getInstant));
        }
    }

    @Test
    void offsetDateTimesKeepTheirOffset() {
        for (OffsetDateTime v : List.of(OffsetDateTime.parse("2024-03-10T12:30:45.123456+05:30"),
                OffsetDateTime.parse("2024-03-10T12:30:45-08:00"), OffsetDateTime.parse("2024-03-10T12:30:45Z"),
                OffsetDateTime.parse("1900-01-01T00:00:00+14:00"), OffsetDateTime.MAX, OffsetDateTime.MIN)) {
            OffsetDateTime back = roundTrip(v, (w, x) -> w.putOffsetDateTime(x, "at"), Cursors.Reader::getOffsetDateTime);
            assertEquals(v, back, v::toString);
            assertEquals(v.getOffset(), back.getOffset());
        }
    }

    @Test
    void localDatesAndDateTimes() {
        for (LocalDate v : List.of(LocalDate.of(2024, 2, 29), LocalDate.EPOCH, LocalDate.MIN, LocalDate.MAX,
                LocalDate.of(-44, 3, 15))) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putLocalDate(x, "day"), Cursors.Reader::getLocalDate));
        }
        for (LocalDateTime v : List.of(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_999),
                LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.MIN, LocalDateTime.MAX,
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 1))) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putLocalDateTime(x, "at"), Cursors.Reader::getLocalDateTime));
        }
    }

    @Test
    void uuidsDurationsAndEnums() {
        for (UUID v : List.of(UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 1))) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putUuid(x, "uid"), Cursors.Reader::getUuid));
        }
        for (Duration v : List.of(Duration.ZERO, Duration.ofNanos(-1), Duration.ofDays(-3).plusNanos(5),
                Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE))) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putDuration(x, "took"), Cursors.Reader::getDuration));
        }
        for (Status v : Status.values()) {
            assertEquals(v, roundTrip(v, (w, x) -> w.putEnum(x, "status"), r -> r.getEnum(Status.class)));
        }
    }

    /** A cursor of every key type, as a method ordered by all of them would make. */
    private static String everyType() {
        return writer().putLong(9_000_000_001L, "id").putInt(-7, "n").putShort((short) 3, "s")
                .putDouble(-0.0, "score").putFloat(Float.NaN, "ratio").putBoolean(true, "flag")
                .putString("Zoë 😀", "name").putDecimal(new BigDecimal("1.50"), "price")
                .putInstant(Instant.parse("2024-05-01T10:00:00.123456Z"), "created_at")
                .putOffsetDateTime(OffsetDateTime.parse("2024-05-01T10:00:00+02:00"), "at")
                .putLocalDate(LocalDate.of(2024, 5, 1), "day")
                .putLocalDateTime(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 1), "local")
                .putUuid(new UUID(0x0123456789ABCDEFL, 0xFEDCBA9876543210L), "uid")
                .putDuration(Duration.ofMillis(1500), "took").putEnum(Status.BLOCKED, "status").encode();
    }

    /** Every key of {@link #everyType()}, in order, and nothing after them. */
    private static List<Object> readEveryType(String cursor, long fingerprint) {
        Cursors.Reader r = Cursors.read(cursor, fingerprint, METHOD);
        List<Object> keys = List.of(r.getLong(), r.getInt(), r.getShort(), r.getDouble(), r.getFloat(), r.getBoolean(),
                r.getString(), r.getDecimal(), r.getInstant(), r.getOffsetDateTime(), r.getLocalDate(),
                r.getLocalDateTime(), r.getUuid(), r.getDuration(), r.getEnum(Status.class));
        r.end();
        return keys;
    }

    @Test
    void severalKeysComeBackInOrder() {
        assertEquals(List.of(9_000_000_001L, -7, (short) 3, -0.0, Float.NaN, true, "Zoë 😀", new BigDecimal("1.50"),
                Instant.parse("2024-05-01T10:00:00.123456Z"), OffsetDateTime.parse("2024-05-01T10:00:00+02:00"),
                LocalDate.of(2024, 5, 1), LocalDateTime.of(2024, 5, 1, 10, 0, 0, 1),
                new UUID(0x0123456789ABCDEFL, 0xFEDCBA9876543210L), Duration.ofMillis(1500), Status.BLOCKED),
                readEveryType(everyType(), FINGERPRINT));
        // the same keys make the same cursor: a client may compare or cache them
        assertEquals(everyType(), everyType());
        assertNotEquals(everyType(), writer().putLong(9_000_000_002L, "id").encode());
    }

    @Test
    void aNullKeyIsADataExceptionNamingTheColumn() {
        List<Executable> nulls = List.of(
                () -> writer().putLong(null, "col_long"), () -> writer().putInt(null, "col_long"),
                () -> writer().putShort(null, "col_long"), () -> writer().putDouble(null, "col_long"),
                () -> writer().putFloat(null, "col_long"), () -> writer().putBoolean(null, "col_long"),
                () -> writer().putString(null, "col_long"), () -> writer().putDecimal(null, "col_long"),
                () -> writer().putInstant(null, "col_long"), () -> writer().putOffsetDateTime(null, "col_long"),
                () -> writer().putLocalDate(null, "col_long"), () -> writer().putLocalDateTime(null, "col_long"),
                () -> writer().putUuid(null, "col_long"), () -> writer().putDuration(null, "col_long"),
                () -> writer().putEnum(null, "col_long"),
                // a NULL after a good key, as the second ORDER BY term
                () -> writer().putLong(5L, "id").putInstant(null, "col_long"));
        for (Executable put : nulls) {
            DataException e = assertThrows(DataException.class, put);
            assertTrue(e.getMessage().contains("'col_long'"), e.getMessage());
            assertTrue(e.getMessage().contains(METHOD), e.getMessage());
            assertEquals(METHOD, e.method());
        }
    }

    private static void assertRefused(String cursor, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> readEveryType(cursor, FINGERPRINT), what + ": " + cursor);
        assertTrue(e.getMessage().startsWith(METHOD + ":"), e.getMessage());
    }

    @Test
    void everySingleCharacterChangeIsRefused() {
        String cursor = everyType();
        readEveryType(cursor, FINGERPRINT);
        int changes = 0;
        for (int i = 0; i < cursor.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c != cursor.charAt(i)) {
                    String altered = cursor.substring(0, i) + c + cursor.substring(i + 1);
                    assertRefused(altered, "character " + i + " as " + c);
                    changes++;
                }
            }
        }
        assertEquals(cursor.length() * 63, changes);
    }

    @Test
    void everySingleCharacterChangeOfAShortCursorIsRefused() {
        // one key: the fewest bytes a cursor has, where the last character may carry unused bits
        for (long id : new long[] {0, 1, Long.MAX_VALUE}) {
            String cursor = writer().putLong(id, "id").encode();
            for (int i = 0; i < cursor.length(); i++) {
                for (char c : ALPHABET.toCharArray()) {
                    if (c != cursor.charAt(i)) {
                        String altered = cursor.substring(0, i) + c + cursor.substring(i + 1);
                        assertThrows(IllegalArgumentException.class, () -> {
                            Cursors.Reader r = reader(altered);
                            r.getLong();
                            r.end();
                        }, "character " + i + " of " + cursor + " as " + c);
                    }
                }
            }
        }
    }

    @Test
    void truncatedAndExtendedCursorsAreRefused() {
        String cursor = everyType();
        for (int length = 0; length < cursor.length(); length++) {
            assertRefused(cursor.substring(0, length), "first " + length + " characters");
            assertRefused(cursor.substring(cursor.length() - length), "last " + length + " characters");
        }
        for (char c : ALPHABET.toCharArray()) {
            assertRefused(cursor + c, "appended " + c);
            assertRefused(c + cursor, "prepended " + c);
        }
        for (String tail : List.of("=", "==", "===", " ", "\n", "%3D", "AAAA", cursor)) {
            assertRefused(cursor + tail, "appended " + tail);
        }
        for (int i = 0; i < cursor.length(); i++) {
            assertRefused(cursor.substring(0, i) + cursor.substring(i + 1), "without character " + i);
        }
    }

    @Test
    void aCursorOfAnotherFingerprintIsRefused() {
        String cursor = everyType();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> readEveryType(cursor, OTHER_FINGERPRINT));
        assertTrue(e.getMessage().startsWith(METHOD + ":"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> readEveryType(cursor, -FINGERPRINT));
        assertThrows(IllegalArgumentException.class, () -> readEveryType(cursor, 0));
        // the same keys written for another method
        String other = Cursors.write(OTHER_FINGERPRINT, "Items.other").putLong(1L, "id").encode();
        assertThrows(IllegalArgumentException.class, () -> reader(other).getLong());
    }

    @Test
    void garbageIsRefused() {
        Random random = new Random(20261205);
        List<String> garbage = new ArrayList<>(List.of("", " ", "null", "not a cursor", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAA",
                "////", "++++", "!!!!", "%00", "\u0000", "😀😀", "eyJpZCI6MX0", "-_-_-_-_-_-_-_-_-_-_",
                "' OR 1=1 --", "A".repeat(100_000)));
        for (int n = 0; n < 500; n++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            garbage.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            if (bytes.length > 0) {
                bytes[0] = 1;
            }
            garbage.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        for (String g : garbage) {
            assertRefused(g, "garbage");
        }
    }

    @Test
    void theSameBytesInAnotherBase64AreRefused() {
        String cursor = everyType();
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        assertRefused(Base64.getUrlEncoder().encodeToString(bytes) + (cursor.length() % 4 == 0 ? "=" : ""), "padded");
        String standard = Base64.getEncoder().withoutPadding().encodeToString(bytes);
        if (!standard.equals(cursor)) {
            assertRefused(standard, "standard alphabet");
        }
        String mime = Base64.getMimeEncoder().encodeToString(bytes);
        if (!mime.equals(cursor)) {
            assertRefused(mime, "MIME");
        }
    }

    @Test
    void keysReadAsAnotherTypeAreRefused() {
        String longKey = writer().putLong(5L, "id").encode();
        assertThrows(IllegalArgumentException.class, () -> reader(longKey).getInt());
        assertThrows(IllegalArgumentException.class, () -> reader(longKey).getDouble());
        assertThrows(IllegalArgumentException.class, () -> reader(longKey).getInstant());
        assertThrows(IllegalArgumentException.class, () -> reader(longKey).getString());
        assertThrows(IllegalArgumentException.class, () -> reader(longKey).getLocalDateTime());
        String intKey = writer().putInt(5, "n").encode();
        assertThrows(IllegalArgumentException.class, () -> reader(intKey).getLong());
        assertThrows(IllegalArgumentException.class, () -> reader(intKey).getFloat());
        assertThrows(IllegalArgumentException.class, () -> reader(intKey).getShort());
        String text = writer().putString("ACTIVE", "status").encode();
        assertThrows(IllegalArgumentException.class, () -> reader(text).getEnum(Status.class));
        assertThrows(IllegalArgumentException.class, () -> reader(text).getDecimal());
        String instant = writer().putInstant(Instant.EPOCH, "at").encode();
        assertThrows(IllegalArgumentException.class, () -> reader(instant).getOffsetDateTime());
        assertThrows(IllegalArgumentException.class, () -> reader(instant).getLocalDateTime());
        assertThrows(IllegalArgumentException.class, () -> reader(instant).getDuration());
        String uuid = writer().putUuid(new UUID(1, 2), "uid").encode();
        assertThrows(IllegalArgumentException.class, () -> reader(uuid).getOffsetDateTime());
        // an enum constant the reading type does not have
        String blocked = writer().putEnum(Status.BLOCKED, "status").encode();
        assertThrows(IllegalArgumentException.class, () -> reader(blocked).getEnum(OtherStatus.class));
        assertEquals(OtherStatus.ACTIVE,
                reader(writer().putEnum(Status.ACTIVE, "status").encode()).getEnum(OtherStatus.class));
    }

    @Test
    void fewerOrMoreKeysThanTheMethodReadsAreRefused() {
        String two = writer().putLong(1L, "a").putLong(2L, "b").encode();
        Cursors.Reader oneOfTwo = reader(two);
        assertEquals(1L, oneOfTwo.getLong());
        IllegalArgumentException leftOver = assertThrows(IllegalArgumentException.class, oneOfTwo::end);
        assertTrue(leftOver.getMessage().startsWith(METHOD + ":"), leftOver.getMessage());

        String one = writer().putLong(1L, "a").encode();
        Cursors.Reader twoOfOne = reader(one);
        assertEquals(1L, twoOfOne.getLong());
        assertThrows(IllegalArgumentException.class, twoOfOne::getLong);

        String none = writer().encode();
        reader(none).end();
        assertThrows(IllegalArgumentException.class, () -> reader(none).getLong());
    }

    @Test
    void instantAndOffsetDateTimeOfTheSameMomentAreDifferentKeys() {
        OffsetDateTime at = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(3));
        String cursor = writer().putOffsetDateTime(at, "at").encode();
        assertThrows(IllegalArgumentException.class, () -> reader(cursor).getInstant());
        assertEquals(at, reader(cursor).getOffsetDateTime());
    }
}
