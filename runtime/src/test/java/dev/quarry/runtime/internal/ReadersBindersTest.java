package dev.quarry.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Binders and readers against real PostgreSQL, through plain JDBC statements as generated code writes them. */
@PostgresTest
class ReadersBindersTest {
    private static final String METHOD = "ItemRepository.find";

    enum Mood { HAPPY, SAD }

    private static Connection connection;

    @BeforeAll
    static void open(TestDatabase test) throws SQLException {
        test.execute("CREATE TYPE mood AS ENUM ('HAPPY', 'SAD');"
                + "CREATE TABLE moods (id int PRIMARY KEY, as_text text, as_enum mood)");
        connection = test.dataSource().getConnection();
        try (Statement stmt = connection.createStatement()) {
            // A zone far from UTC and from the JVM's, with a non-hour offset: any shift would show.
            stmt.execute("SET TIME ZONE 'Asia/Kathmandu'");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    // ---- binders: a value round-trips, NULL goes as NULL of the right type

    @Test
    void setInt() throws SQLException {
        assertEquals(-42, selectOne("SELECT ?::int4", stmt -> Binders.setInt(stmt, 1, -42)));
        assertNullOfType("integer", stmt -> Binders.setInt(stmt, 1, null));
    }

    @Test
    void setLong() throws SQLException {
        assertEquals(Long.MAX_VALUE, selectOne("SELECT ?::int8", stmt -> Binders.setLong(stmt, 1, Long.MAX_VALUE)));
        assertNullOfType("bigint", stmt -> Binders.setLong(stmt, 1, null));
    }

    @Test
    void setShort() throws SQLException {
        assertEquals(Short.MIN_VALUE, ((Number) selectOne("SELECT ?::int2",
                stmt -> Binders.setShort(stmt, 1, Short.MIN_VALUE))).shortValue());
        assertNullOfType("smallint", stmt -> Binders.setShort(stmt, 1, null));
    }

    @Test
    void setDouble() throws SQLException {
        assertEquals(0.1, selectOne("SELECT ?::float8", stmt -> Binders.setDouble(stmt, 1, 0.1)));
        assertNullOfType("double precision", stmt -> Binders.setDouble(stmt, 1, null));
    }

    @Test
    void setFloat() throws SQLException {
        assertEquals(2.5f, selectOne("SELECT ?::float4", stmt -> Binders.setFloat(stmt, 1, 2.5f)));
        assertNullOfType("real", stmt -> Binders.setFloat(stmt, 1, null));
    }

    @Test
    void setBoolean() throws SQLException {
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::bool", stmt -> Binders.setBoolean(stmt, 1, true)));
        assertEquals(Boolean.FALSE, selectOne("SELECT ?::bool", stmt -> Binders.setBoolean(stmt, 1, false)));
        assertNullOfType("boolean", stmt -> Binders.setBoolean(stmt, 1, null));
    }

    @Test
    void setInstant() throws SQLException {
        Instant instant = Instant.parse("2024-02-29T23:59:59.123456Z");
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::timestamptz = timestamptz '2024-02-29 23:59:59.123456+00'",
                stmt -> Binders.setInstant(stmt, 1, instant, "at")));
        assertEquals(instant, selectOne("SELECT ?::timestamptz", OffsetDateTime.class,
                stmt -> Binders.setInstant(stmt, 1, instant, "at")).toInstant());
        assertNull(selectOne("SELECT ?::timestamptz", stmt -> Binders.setInstant(stmt, 1, null, "at")));
    }

    @Test
    void setOffsetDateTime() throws SQLException {
        OffsetDateTime value = OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 500_000_000, ZoneOffset.ofHours(2));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::timestamptz = timestamptz '2024-06-01 10:00:00.5+00'",
                stmt -> Binders.setOffsetDateTime(stmt, 1, value)));
        assertEquals(value.toInstant(), selectOne("SELECT ?::timestamptz", OffsetDateTime.class,
                stmt -> Binders.setOffsetDateTime(stmt, 1, value)).toInstant());
        assertNull(selectOne("SELECT ?::timestamptz", stmt -> Binders.setOffsetDateTime(stmt, 1, null)));
    }

    @Test
    void setLocalDate() throws SQLException {
        LocalDate date = LocalDate.of(1999, 12, 31);
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::date = date '1999-12-31'",
                stmt -> Binders.setLocalDate(stmt, 1, date)));
        assertEquals(date, selectOne("SELECT ?::date", LocalDate.class, stmt -> Binders.setLocalDate(stmt, 1, date)));
        assertNullOfType("date", stmt -> Binders.setLocalDate(stmt, 1, null));
    }

    @Test
    void setLocalDateTime() throws SQLException {
        LocalDateTime value = LocalDateTime.of(2024, 3, 31, 2, 30, 15, 250_000_000);
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::timestamp = timestamp '2024-03-31 02:30:15.25'",
                stmt -> Binders.setLocalDateTime(stmt, 1, value)));
        assertEquals(value, selectOne("SELECT ?::timestamp", LocalDateTime.class,
                stmt -> Binders.setLocalDateTime(stmt, 1, value)));
        assertNull(selectOne("SELECT ?::timestamp", stmt -> Binders.setLocalDateTime(stmt, 1, null)));
    }

    @Test
    void setUuid() throws SQLException {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::uuid = uuid '0f8fad5b-d9cb-469f-a165-70867728950e'",
                stmt -> Binders.setUuid(stmt, 1, id)));
        assertEquals(id, selectOne("SELECT ?::uuid", stmt -> Binders.setUuid(stmt, 1, id)));
        assertNull(selectOne("SELECT ?::uuid", stmt -> Binders.setUuid(stmt, 1, null)));
    }

    @Test
    void setEnumIntoTextAndIntoAPostgresEnum() throws SQLException {
        update("DELETE FROM moods");
        // No casts: PostgreSQL must take each parameter's type from its column.
        try (PreparedStatement stmt = connection.prepareStatement("INSERT INTO moods VALUES (?, ?, ?)")) {
            stmt.setInt(1, 1);
            Binders.setEnum(stmt, 2, Mood.SAD);
            Binders.setEnum(stmt, 3, Mood.SAD);
            stmt.addBatch();
            stmt.setInt(1, 2);
            Binders.setEnum(stmt, 2, null);
            Binders.setEnum(stmt, 3, null);
            stmt.addBatch();
            stmt.executeBatch();
        }

        assertEquals(1, selectOne("SELECT id FROM moods WHERE as_text = ?", stmt -> Binders.setEnum(stmt, 1, Mood.SAD)));
        assertEquals(1, selectOne("SELECT id FROM moods WHERE as_enum = ?", stmt -> Binders.setEnum(stmt, 1, Mood.SAD)));
        assertEquals("SAD", selectOne("SELECT as_enum::text FROM moods WHERE id = 1", stmt -> { }));
        assertEquals(Boolean.TRUE, selectOne("SELECT as_text IS NULL AND as_enum IS NULL FROM moods WHERE id = 2",
                stmt -> { }));
        assertEquals("HAPPY", selectOne("SELECT ?::text", stmt -> Binders.setEnum(stmt, 1, Mood.HAPPY)));
    }

    // ---- arrays

    @Test
    void setArrayOfACollection() throws SQLException {
        assertEquals(List.of(2L, 4L), longs("SELECT x FROM generate_series(1::int8, 5) x WHERE x = ANY(?) ORDER BY x",
                stmt -> Binders.setArray(stmt, 1, "int8", new LinkedHashSet<>(List.of(4L, 2L)))));
    }

    @Test
    void setArrayOfAnObjectArray() throws SQLException {
        assertEquals(List.of("b", "d"), strings("SELECT s FROM unnest('{a,b,c,d}'::text[]) s WHERE s = ANY(?) ORDER BY s",
                stmt -> Binders.setArray(stmt, 1, "text", new Object[] {"d", "b", "x"}, "T.m", "p")));
    }

    @Test
    void setArrayOfLongs() throws SQLException {
        assertEquals(List.of(1L, 3L), longs("SELECT x FROM generate_series(1::int8, 5) x WHERE x = ANY(?) ORDER BY x",
                stmt -> Binders.setArray(stmt, 1, "int8", new long[] {3, 1, 9}, "T.m", "p")));
    }

    @Test
    void setArrayOfInts() throws SQLException {
        assertEquals(List.of(5L), longs("SELECT x FROM generate_series(1, 5) x WHERE x = ANY(?) ORDER BY x",
                stmt -> Binders.setArray(stmt, 1, "int4", new int[] {5}, "T.m", "p")));
    }

    @Test
    void anEmptyCollectionMatchesNothing() throws SQLException {
        assertEquals(List.of(), longs("SELECT x FROM generate_series(1::int8, 5) x WHERE x = ANY(?)",
                stmt -> Binders.setArray(stmt, 1, "int8", List.of())));
        assertEquals(0, selectOne("SELECT cardinality(?::int8[])", stmt -> Binders.setArray(stmt, 1, "int8", List.of())));
        assertEquals(List.of(), longs("SELECT x FROM generate_series(1, 5) x WHERE x = ANY(?)",
                stmt -> Binders.setArray(stmt, 1, "int4", new int[0], "T.m", "p")));
    }

    @Test
    void nullElementsOfAListComponentStayNull() throws SQLException {
        assertEquals("1,*,3", selectOne("SELECT array_to_string(?::int8[], ',', '*')",
                stmt -> Binders.setArrayOrNull(stmt, 1, "int8", Arrays.asList(1L, null, 3L), "r.scores")));
    }

    @Test
    void everyElementTypeArrivesAsBound() throws SQLException {
        // sent as typed arrays (binary) where pgjdbc can, as an array literal otherwise: the server must see the same
        String awkward = "a \"quoted\", {braced} \\ back\\slash, NULL, ünïcode";
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::text[] IS NOT DISTINCT FROM ARRAY[?::text, NULL, '', 'NULL']",
                stmt -> {
                    Binders.setArray(stmt, 1, "text", Arrays.asList(awkward, null, "", "NULL"));
                    stmt.setString(2, awkward);
                }));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::int8[] = ARRAY[-9223372036854775808, 0, 9223372036854775807]",
                stmt -> Binders.setArray(stmt, 1, "int8", List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE))));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::int4[] = ARRAY[-2147483648, 7]",
                stmt -> Binders.setArray(stmt, 1, "int4", new Object[] {Integer.MIN_VALUE, 7}, "T.m", "p")));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::int2[] = ARRAY[-32768, 32767]::int2[]",
                stmt -> Binders.setArray(stmt, 1, "int2", List.of(Short.MIN_VALUE, Short.MAX_VALUE))));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::float8[] = ARRAY['-Infinity', 0.1, 'NaN']::float8[]",
                stmt -> Binders.setArray(stmt, 1, "float8", List.of(Double.NEGATIVE_INFINITY, 0.1, Double.NaN))));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::float4[] = ARRAY[1.5, 'Infinity']::float4[]",
                stmt -> Binders.setArray(stmt, 1, "float4", List.of(1.5f, Float.POSITIVE_INFINITY))));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::bool[] IS NOT DISTINCT FROM ARRAY[true, NULL, false]",
                stmt -> Binders.setArray(stmt, 1, "bool", Arrays.asList(true, null, false))));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::numeric[] = ARRAY[1.50, 2]::numeric[]",
                stmt -> Binders.setArray(stmt, 1, "numeric", List.of(new BigDecimal("1.50"), BigDecimal.valueOf(2)))));
        // elements of two classes cannot be one typed array; they still bind
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::int8[] = ARRAY[1, 2]::int8[]",
                stmt -> Binders.setArray(stmt, 1, "int8", List.<Number>of(1, 2L))));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::int8[] IS NOT DISTINCT FROM ARRAY[NULL, NULL]::int8[]",
                stmt -> Binders.setArray(stmt, 1, "int8", Arrays.asList(null, null))));
    }

    @Test
    void enumElementsBindByName() throws SQLException {
        Array array = (Array) selectOne("SELECT ?::text[]",
                stmt -> Binders.setArray(stmt, 1, "text", List.of(Mood.SAD, Mood.HAPPY)));
        assertArrayEquals(new Object[] {"SAD", "HAPPY"}, (Object[]) array.getArray());
    }

    @Test
    void anEnumCollectionMatchesAPostgresEnumColumn() throws SQLException {
        update("DELETE FROM moods; INSERT INTO moods VALUES (1, 'SAD', 'SAD'), (2, 'HAPPY', 'HAPPY')");
        // Generated code binds every enum collection this way; text and PostgreSQL enum columns must both match it.
        assertEquals(List.of(1L), longs("SELECT id FROM moods WHERE as_text = ANY(?) ORDER BY id",
                stmt -> Binders.setEnumArray(stmt, 1, List.of(Mood.SAD), "T.m", "p")));
        assertEquals(List.of(1L), longs("SELECT id FROM moods WHERE as_enum = ANY(?) ORDER BY id",
                stmt -> Binders.setEnumArray(stmt, 1, List.of(Mood.SAD), "T.m", "p")));
        assertEquals(List.of(1L, 2L), longs("SELECT id FROM moods WHERE as_enum = ANY(?) ORDER BY id",
                stmt -> Binders.setEnumArray(stmt, 1, new Mood[] {Mood.HAPPY, Mood.SAD}, "T.m", "p")));
        assertEquals(List.of(), longs("SELECT id FROM moods WHERE as_enum = ANY(?) ORDER BY id",
                stmt -> Binders.setEnumArray(stmt, 1, List.<Mood>of(), "T.m", "p")));
    }

    @Test
    void instantElementsKeepTheirInstant() throws SQLException {
        List<Instant> instants = List.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T12:30:00.5Z"));
        assertEquals(Boolean.TRUE, selectOne(
                "SELECT ?::timestamptz[] = ARRAY[timestamptz '2024-01-01 00:00:00+00', timestamptz '2024-07-01 12:30:00.5+00']",
                stmt -> Binders.setArray(stmt, 1, "timestamptz", instants)));
    }

    @Test
    void uuidAndDateElements() throws SQLException {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::uuid[] = ARRAY[uuid '0f8fad5b-d9cb-469f-a165-70867728950e']",
                stmt -> Binders.setArray(stmt, 1, "uuid", List.of(id))));
        assertEquals(Boolean.TRUE, selectOne("SELECT ?::date[] = ARRAY[date '2024-02-29']",
                stmt -> Binders.setArray(stmt, 1, "date", new Object[] {LocalDate.of(2024, 2, 29)}, "T.m", "p")));
    }

    @Test
    void requireArgumentNamesTheMethodAndTheParameter() {
        List<Long> ids = List.of(1L);
        assertSame(ids, Binders.requireArgument(ids, METHOD, "ids"));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Binders.requireArgument(null, METHOD, "ids"));
        assertEquals(METHOD + ": parameter 'ids' is null; pass an empty collection or a value"
                + " (only scalar parameters bind as SQL NULL)", e.getMessage());
    }

    // ---- readers: a value, zero or false (which JDBC also returns for NULL), and NULL

    @Test
    void getInt() throws SQLException {
        onRow("SELECT 7::int4 AS v, 0::int4 AS zero, NULL::int4 AS missing", rs -> {
            assertEquals(7, Readers.getInt(rs, 1, METHOD));
            assertEquals(0, Readers.getInt(rs, 2, METHOD));
            assertNullIntoPrimitive("int", () -> Readers.getInt(rs, 3, METHOD));
            assertEquals(7, Readers.getIntOrNull(rs, 1));
            assertEquals(0, Readers.getIntOrNull(rs, 2));
            assertNull(Readers.getIntOrNull(rs, 3));
        });
    }

    @Test
    void getLong() throws SQLException {
        onRow("SELECT 9000000000::int8 AS v, 0::int8 AS zero, NULL::int8 AS missing", rs -> {
            assertEquals(9_000_000_000L, Readers.getLong(rs, 1, METHOD));
            assertEquals(0L, Readers.getLong(rs, 2, METHOD));
            assertNullIntoPrimitive("long", () -> Readers.getLong(rs, 3, METHOD));
            assertEquals(9_000_000_000L, Readers.getLongOrNull(rs, 1));
            assertEquals(0L, Readers.getLongOrNull(rs, 2));
            assertNull(Readers.getLongOrNull(rs, 3));
        });
    }

    @Test
    void getShort() throws SQLException {
        onRow("SELECT 300::int2 AS v, 0::int2 AS zero, NULL::int2 AS missing", rs -> {
            assertEquals((short) 300, Readers.getShort(rs, 1, METHOD));
            assertEquals((short) 0, Readers.getShort(rs, 2, METHOD));
            assertNullIntoPrimitive("short", () -> Readers.getShort(rs, 3, METHOD));
            assertEquals((short) 300, Readers.getShortOrNull(rs, 1));
            assertEquals((short) 0, Readers.getShortOrNull(rs, 2));
            assertNull(Readers.getShortOrNull(rs, 3));
        });
    }

    @Test
    void getDouble() throws SQLException {
        onRow("SELECT 1.5::float8 AS v, 0::float8 AS zero, NULL::float8 AS missing", rs -> {
            assertEquals(1.5, Readers.getDouble(rs, 1, METHOD));
            assertEquals(0.0, Readers.getDouble(rs, 2, METHOD));
            assertNullIntoPrimitive("double", () -> Readers.getDouble(rs, 3, METHOD));
            assertEquals(1.5, Readers.getDoubleOrNull(rs, 1));
            assertEquals(0.0, Readers.getDoubleOrNull(rs, 2));
            assertNull(Readers.getDoubleOrNull(rs, 3));
        });
    }

    @Test
    void getFloat() throws SQLException {
        onRow("SELECT 2.25::float4 AS v, 0::float4 AS zero, NULL::float4 AS missing", rs -> {
            assertEquals(2.25f, Readers.getFloat(rs, 1, METHOD));
            assertEquals(0f, Readers.getFloat(rs, 2, METHOD));
            assertNullIntoPrimitive("float", () -> Readers.getFloat(rs, 3, METHOD));
            assertEquals(2.25f, Readers.getFloatOrNull(rs, 1));
            assertEquals(0f, Readers.getFloatOrNull(rs, 2));
            assertNull(Readers.getFloatOrNull(rs, 3));
        });
    }

    @Test
    void getBoolean() throws SQLException {
        onRow("SELECT true AS v, false AS zero, NULL::bool AS missing", rs -> {
            assertTrue(Readers.getBoolean(rs, 1, METHOD));
            assertFalse(Readers.getBoolean(rs, 2, METHOD));
            assertNullIntoPrimitive("boolean", () -> Readers.getBoolean(rs, 3, METHOD));
            assertEquals(Boolean.TRUE, Readers.getBooleanOrNull(rs, 1));
            assertEquals(Boolean.FALSE, Readers.getBooleanOrNull(rs, 2));
            assertNull(Readers.getBooleanOrNull(rs, 3));
        });
    }

    @Test
    void getInstant() throws SQLException {
        onRow("SELECT timestamptz '2024-02-29 23:59:59.123456+00' AS v, NULL::timestamptz AS missing", rs -> {
            assertEquals(Instant.parse("2024-02-29T23:59:59.123456Z"), Readers.getInstant(rs, 1));
            assertNull(Readers.getInstant(rs, 2));
        });
    }

    @Test
    void getEnumFromTextAndFromAPostgresEnum() throws SQLException {
        onRow("SELECT 'SAD' AS t, 'HAPPY'::mood AS e, NULL::text AS missing", rs -> {
            assertEquals(Mood.SAD, Readers.getEnum(rs, 1, Mood.class, METHOD));
            assertEquals(Mood.HAPPY, Readers.getEnum(rs, 2, Mood.class, METHOD));
            assertNull(Readers.getEnum(rs, 3, Mood.class, METHOD));
        });
    }

    @Test
    void getEnumRejectsAnUnknownValue() throws SQLException {
        onRow("SELECT 'ANGRY' AS mood", rs -> {
            DataException e = assertThrows(DataException.class, () -> Readers.getEnum(rs, 1, Mood.class, METHOD));
            assertEquals(METHOD + ": column \"mood\" holds 'ANGRY', which is not a constant of "
                    + "dev.quarry.runtime.internal.ReadersBindersTest$Mood", e.getMessage());
            assertEquals(METHOD, e.method());
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
        });
    }

    // ---- result columns

    @Test
    void resolvesColumnsInAnyOrder() throws SQLException {
        onRow("SELECT 1 AS id, 'x' AS name, 2 AS tenant_rank", rs -> {
            assertArrayEquals(new int[] {1, 2, 3}, ResultColumns.resolve(rs, METHOD, "id", "name", "tenant_rank"));
            assertArrayEquals(new int[] {3, 1, 2}, ResultColumns.resolve(rs, METHOD, "tenant_rank", "id", "name"));
            assertArrayEquals(new int[] {2}, ResultColumns.resolve(rs, METHOD, "name"));
        });
    }

    @Test
    void prefersAnExactLabelOverOneDifferingInCase() throws SQLException {
        onRow("SELECT 1 AS \"TenantRank\", 2 AS \"ID\", 3 AS id", rs -> {
            assertArrayEquals(new int[] {1, 3}, ResultColumns.resolve(rs, METHOD, "tenantrank", "id"));
        });
    }

    @Test
    void aMissingColumnIsReportedWithTheColumnsPresent() throws SQLException {
        onRow("SELECT 1 AS id, 'x' AS name", rs -> {
            DataException e = assertThrows(DataException.class,
                    () -> ResultColumns.resolve(rs, METHOD, "id", "email", "name"));
            assertEquals(METHOD + ": the result has no column \"email\" for the record component that reads it;"
                    + " its columns are [id, name]", e.getMessage());
            assertEquals(METHOD, e.method());
        });
    }

    // ---- helpers

    private interface Binder {
        void bind(PreparedStatement stmt) throws SQLException;
    }

    private interface RowCheck {
        void check(ResultSet rs) throws SQLException;
    }

    private static void assertNullIntoPrimitive(String type, Executable read) {
        DataException e = assertThrows(DataException.class, read);
        assertEquals(METHOD + ": column \"missing\" is NULL but is read into a " + type
                + "; declare the component or return type as the boxed type to accept NULL", e.getMessage());
        assertEquals(METHOD, e.method());
        assertNull(e.sqlState());
    }

    /** NULL must carry a type, or PostgreSQL cannot resolve a parameter that has no context, like this one. */
    private static void assertNullOfType(String type, Binder binder) throws SQLException {
        assertEquals(type, selectOne("SELECT pg_typeof(?)::text", binder));
        assertEquals(Boolean.TRUE, selectOne("SELECT ? IS NULL", binder));
    }

    private static void onRow(String sql, RowCheck check) throws SQLException {
        try (PreparedStatement stmt = connection.prepareStatement(sql); ResultSet rs = stmt.executeQuery()) {
            assertTrue(rs.next(), "no row from " + sql);
            check.check(rs);
        }
    }

    /** The single value {@code sql} returns, as the driver maps its type by default. */
    private static Object selectOne(String sql, Binder binder) throws SQLException {
        return selectOne(sql, binder, rs -> rs.getObject(1));
    }

    private static <T> T selectOne(String sql, Class<T> type, Binder binder) throws SQLException {
        return selectOne(sql, binder, rs -> rs.getObject(1, type));
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T selectOne(String sql, Binder binder, Column<T> column) throws SQLException {
        try (PreparedStatement stmt = connection.prepareStatement(sql)) {
            binder.bind(stmt);
            try (ResultSet rs = stmt.executeQuery()) {
                assertTrue(rs.next(), "no row from " + sql);
                T value = column.read(rs);
                assertFalse(rs.next(), "more than one row from " + sql);
                return value;
            }
        }
    }

    private static List<Long> longs(String sql, Binder binder) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement stmt = connection.prepareStatement(sql)) {
            binder.bind(stmt);
            try (ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
        }
        return values;
    }

    private static List<String> strings(String sql, Binder binder) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement stmt = connection.prepareStatement(sql)) {
            binder.bind(stmt);
            try (ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static void update(String sql) throws SQLException {
        try (Statement stmt = connection.createStatement()) {
            stmt.execute(sql);
        }
    }
}
