package dev.quarry.it.bulk;

import dev.quarry.it.bulk.Kinds.Mood;
import dev.quarry.it.bulk.Kinds.Shade;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** {@link Kinds} rows worth writing (edge values, NULLs, random ones), and reading them back with JDBC. */
final class KindsSamples {
    private KindsSamples() {}

    static final String SELECT = "SELECT id, i, i_or_null, l, l_or_null, sh, sh_or_null, db, db_or_null, fl, fl_or_null,"
            + " b, b_or_null, s, d, ts, odt, ld, ldt, u, bytes, shade, mood FROM kinds ORDER BY id";

    static List<Kinds> rows(int random) {
        List<Kinds> rows = new ArrayList<>();
        rows.add(new Kinds(1, 42, 7, 1L << 40, -5L, (short) 12, (short) -3, 2.5, -0.125, 1.5f, 3.25f, true, false,
                "plain text", new BigDecimal("1234.5678"), Instant.parse("2024-02-29T12:34:56.123456Z"),
                OffsetDateTime.parse("2024-02-29T18:04:56.654321+05:30"), LocalDate.of(2024, 2, 29),
                LocalDateTime.parse("2024-02-29T12:34:56.000001"), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                new byte[] {0, 1, 2, (byte) 0xFF}, Shade.DARK, Mood.TENSE));
        rows.add(new Kinds(2, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Short.MIN_VALUE,
                Short.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY, Float.MAX_VALUE, -0.0f, false, true,
                "ünïcödé 日本語 🎉 \"quoted\" 'single' back\\slash tab\tnew\nline {braces} NULL ,",
                new BigDecimal("-123456789012345678901234567890.000000000000000000001"),
                Instant.parse("1969-07-20T20:17:40.000001Z"), OffsetDateTime.parse("1900-01-01T00:00:00-08:00"),
                LocalDate.MAX, LocalDateTime.MIN, new UUID(-1L, 0L), new byte[0], Shade.LIGHT, Mood.CALM));
        rows.add(new Kinds(3, 0, null, 0, null, (short) 0, null, 0.0, null, 0.0f, null, false, null, null, null, null,
                null, null, null, null, null, null, null));
        rows.add(new Kinds(4, -1, 0, -1, 0L, (short) -1, (short) 0, -0.0, Double.MIN_VALUE, Float.NaN,
                Float.POSITIVE_INFINITY, true, true, "", new BigDecimal("0.00"), Instant.parse("2000-01-01T00:00:00Z"),
                OffsetDateTime.MAX, LocalDate.MIN, LocalDateTime.MAX, UUID.randomUUID(), largeBytes(100_000),
                Shade.DARK, Mood.CALM));
        rows.add(new Kinds(5, 1, 1, 1, 1L, (short) 1, (short) 1, 1e300, 1e-300, 1e30f, 1e-30f, true, false,
                "x".repeat(70_000) + "é".repeat(30_000), new BigDecimal("0.0001"),
                Instant.parse("1999-12-31T23:59:59.999999Z"), OffsetDateTime.parse("2000-01-01T00:00:00Z"),
                LocalDate.of(1999, 12, 31), LocalDateTime.parse("1999-12-31T23:59:59.999999"), UUID.randomUUID(),
                largeBytes(70_000), Shade.LIGHT, Mood.TENSE));
        Random rnd = new Random(42);
        for (int n = 0; n < random; n++) {
            rows.add(random(100 + n, rnd));
        }
        return rows;
    }

    private static Kinds random(long id, Random rnd) {
        return new Kinds(id, rnd.nextInt(), maybe(rnd, rnd.nextInt()), rnd.nextLong(), maybe(rnd, rnd.nextLong()),
                (short) rnd.nextInt(), maybe(rnd, (short) rnd.nextInt()), rnd.nextGaussian() * 1e6,
                maybe(rnd, rnd.nextDouble()), rnd.nextFloat(), maybe(rnd, rnd.nextFloat() * -1000), rnd.nextBoolean(),
                maybe(rnd, rnd.nextBoolean()), maybe(rnd, text(rnd)), maybe(rnd, decimal(rnd)), maybe(rnd, instant(rnd)),
                maybe(rnd, instant(rnd).atOffset(ZoneOffset.ofTotalSeconds(60 * 15 * (rnd.nextInt(105) - 48)))),
                maybe(rnd, LocalDate.ofEpochDay(rnd.nextInt(100_000) - 30_000)),
                maybe(rnd, LocalDateTime.ofInstant(instant(rnd), ZoneOffset.UTC)), maybe(rnd, UUID.randomUUID()),
                maybe(rnd, bytes(rnd)), maybe(rnd, Shade.values()[rnd.nextInt(2)]), maybe(rnd, Mood.values()[rnd.nextInt(2)]));
    }

    private static <T> T maybe(Random rnd, T value) {
        return rnd.nextInt(5) == 0 ? null : value;
    }

    private static String text(Random rnd) {
        String alphabet = "abcXYZ 019_-,;{}\"'\\\t\néßøπж中文🙂";
        StringBuilder s = new StringBuilder();
        int length = rnd.nextInt(30);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return s.toString();
    }

    private static BigDecimal decimal(Random rnd) {
        BigDecimal value = new BigDecimal(new BigInteger(1 + rnd.nextInt(100), rnd), rnd.nextInt(20));
        return rnd.nextBoolean() ? value.negate() : value;
    }

    private static Instant instant(Random rnd) {
        return Instant.ofEpochSecond(rnd.nextLong(-2_208_988_800L, 4_102_444_800L), rnd.nextInt(1_000_000) * 1000L);
    }

    private static byte[] bytes(Random rnd) {
        byte[] bytes = new byte[rnd.nextInt(40)];
        rnd.nextBytes(bytes);
        return bytes;
    }

    private static byte[] largeBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static Kinds read(ResultSet rs) throws SQLException {
        return new Kinds(rs.getLong(1), rs.getInt(2), orNull(rs, rs.getInt(3)), rs.getLong(4), orNull(rs, rs.getLong(5)),
                rs.getShort(6), orNull(rs, rs.getShort(7)), rs.getDouble(8), orNull(rs, rs.getDouble(9)),
                rs.getFloat(10), orNull(rs, rs.getFloat(11)), rs.getBoolean(12), orNull(rs, rs.getBoolean(13)),
                rs.getString(14), rs.getBigDecimal(15), instant(rs.getObject(16, OffsetDateTime.class)),
                rs.getObject(17, OffsetDateTime.class), rs.getObject(18, LocalDate.class),
                rs.getObject(19, LocalDateTime.class), rs.getObject(20, UUID.class), rs.getBytes(21),
                rs.getString(22) == null ? null : Shade.valueOf(rs.getString(22)),
                rs.getString(23) == null ? null : Mood.valueOf(rs.getString(23)));
    }

    private static <T> T orNull(ResultSet rs, T value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /**
     * The row as comparable values: arrays by content, offset date-times by instant (PostgreSQL
     * keeps the instant, not the offset), floating point by bits so -0.0 and NaN count.
     */
    static List<Object> comparable(Kinds k) {
        return Arrays.asList(k.id(), k.i(), k.iOrNull(), k.l(), k.lOrNull(), k.sh(), k.shOrNull(),
                Double.doubleToLongBits(k.db()), k.dbOrNull() == null ? null : Double.doubleToLongBits(k.dbOrNull()),
                Float.floatToIntBits(k.fl()), k.flOrNull() == null ? null : Float.floatToIntBits(k.flOrNull()),
                k.b(), k.bOrNull(), k.s(), k.d(), k.ts(), odt(k.odt()), k.ld(), k.ldt(), k.u(),
                k.bytes() == null ? null : HexFormat.of().formatHex(k.bytes()), k.shade(), k.feeling());
    }

    /** The infinities stay what they are; other values compare by instant. */
    private static Object odt(OffsetDateTime value) {
        if (value == null || value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
            return value;
        }
        return value.toInstant();
    }
}
