package dev.quarry.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which keys of real joined-looking rows count as new children. */
@PostgresTest
class SeenKeysTest {
    private static Connection connection;

    @BeforeAll
    static void open(TestDatabase test) throws SQLException {
        connection = test.dataSource().getConnection();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** The rows of {@code sql} (one key column) whose key {@code firstSeenLong} takes, in order. */
    private static List<Long> firstLongs(String sql) throws SQLException {
        SeenKeys seen = new SeenKeys();
        List<Long> taken = new ArrayList<>();
        try (Statement stmt = connection.createStatement(); ResultSet rs = stmt.executeQuery(sql)) {
            while (rs.next()) {
                if (seen.firstSeenLong(rs, 1)) {
                    taken.add(rs.getLong(1));
                }
            }
        }
        return taken;
    }

    @Test
    void integerKeysCountOnceWhetherRepeatedInARowOrLater() throws SQLException {
        assertEquals(List.of(7L, 0L, -3L, 9L),
                firstLongs("SELECT k FROM (VALUES (1, 7), (2, 7), (3, NULL), (4, 0), (5, 0), (6, 7), (7, NULL),"
                        + " (8, -3), (9, 0), (10, 9), (11, -3)) AS t(pos, k) ORDER BY pos"));
    }

    @Test
    void int4AndInt2KeysReadAsLongs() throws SQLException {
        assertEquals(List.of(2L, 1L),
                firstLongs("SELECT k::int4 FROM unnest(ARRAY[2, 2, 1, 2]) WITH ORDINALITY AS t(k, n) ORDER BY n"));
        assertEquals(List.of(5L, 4L),
                firstLongs("SELECT k::int2 FROM unnest(ARRAY[5, 4, 5]) WITH ORDINALITY AS t(k, n) ORDER BY n"));
    }

    @Test
    void manyKeysAsAHashSetWouldTakeThem() throws SQLException {
        // keys that collide in a small table, far apart and negative, each repeated out of order,
        // across several doublings of the table
        String sql = "SELECT CASE WHEN g % 3 = 0 THEN (g % 5000) * 4096 WHEN g % 3 = 1 THEN -(g % 7000)"
                + " ELSE (g % 6000) * 1000003::int8 * 1000003 END FROM generate_series(1, 60000) AS g ORDER BY g";
        List<Long> expected = new ArrayList<>();
        Set<Long> reference = new HashSet<>();
        try (Statement stmt = connection.createStatement(); ResultSet rs = stmt.executeQuery(sql)) {
            while (rs.next()) {
                if (reference.add(rs.getLong(1))) {
                    expected.add(rs.getLong(1));
                }
            }
        }
        List<Long> taken = firstLongs(sql);
        assertEquals(expected.size(), taken.size());
        assertEquals(expected, taken);
    }

    @Test
    void aKeyTooFarForTheBitsIsStillKnownOnceTheBitsReachIt() throws SQLException {
        // 2,000,000 comes when one key is known, too far for the bits; 40,000 keys later it is within reach
        List<Long> taken = firstLongs("SELECT k FROM (SELECT 0::int8 AS k, 0 AS n UNION ALL SELECT 2000000, 1"
                + " UNION ALL SELECT g, g + 1 FROM generate_series(1, 40000) AS g"
                + " UNION ALL SELECT 2000000, 50000 UNION ALL SELECT 0, 50001) AS t ORDER BY n");
        assertEquals(40002, taken.size());
        assertEquals(List.of(0L, 2000000L, 1L), taken.subList(0, 3));
        assertEquals(40000L, taken.get(taken.size() - 1));
    }

    /** The rows of {@code sql} whose key in {@code columns} {@code firstSeen} takes, the columns joined as text. */
    private static List<String> firstKeys(String sql, int... columns) throws SQLException {
        SeenKeys seen = new SeenKeys();
        List<String> taken = new ArrayList<>();
        try (Statement stmt = connection.createStatement(); ResultSet rs = stmt.executeQuery(sql)) {
            while (rs.next()) {
                if (seen.firstSeen(rs, columns)) {
                    StringBuilder key = new StringBuilder();
                    for (int column : columns) {
                        key.append(rs.getString(column));
                    }
                    taken.add(key.toString());
                }
            }
        }
        return taken;
    }

    @Test
    void otherKeysByValueOfEveryColumn() throws SQLException {
        assertEquals(List.of("x1", "x2", "y1"), firstKeys("SELECT a, b FROM (VALUES (1, 'x', 1), (2, 'x', 1),"
                + " (3, 'x', 2), (4, NULL, 3), (5, 'y', NULL), (6, 'x', 1), (7, 'y', 1)) AS t(pos, a, b) ORDER BY pos",
                1, 2));
    }

    @Test
    void aSingleKeyOfAnotherTypeByValue() throws SQLException {
        assertEquals(List.of("b", "a"), firstKeys("SELECT k FROM (VALUES (1, 'b'), (2, 'b'), (3, NULL), (4, 'a'),"
                + " (5, 'b')) AS t(pos, k) ORDER BY pos", 1));
    }
}
