package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.bulk.Doc.Tone;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * List components into array columns, and JSON text into jsonb and json columns, through every
 * bulk strategy: what plain JDBC reads back is what was written.
 */
@PostgresTest
class ListsAndJsonTest {
    private static final UUID KEY = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private static final String NESTED = "{\"n\": null, \"a\": {\"b\": [1, 2.50, {\"c\": \"ü ☃ 𝄞\"}]}, "
            + "\"q\": \"say \\\"hi\\\" \\\\ {,}\", \"t\": true}";

    private static TestDatabase testDb;
    private static Database db;
    private static DocRepository repo;

    enum Via { COPY, UNNEST, BATCH, AUTO_SMALL_LIST, AUTO_STREAM, RETURNING, UPSERT }

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Doc.DDL);
        db = BulkJdbc.open(database, 2);
        repo = db.repository(DocRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE docs");
    }

    /** Lists with NULL elements, text that array literals must escape, extremes; all NULL; all empty. */
    static List<Doc> rows() {
        return List.of(
                new Doc(1,
                        Arrays.asList("plain", "a,b", "say \"hi\"", "{braces}", "back\\slash", "", "NULL", null,
                                " spaced ", "ünï ☃ 𝄞", "'single'"),
                        List.of("x", "y z"),
                        Arrays.asList(1L, null, Long.MAX_VALUE, Long.MIN_VALUE),
                        List.of(),
                        List.of((short) 1, (short) -2),
                        List.of(1.5, 1e300, Double.NaN, Double.NEGATIVE_INFINITY, 0.1),
                        Arrays.asList(1.1f, null),
                        Arrays.asList(true, false, null),
                        List.of(new BigDecimal("1.50"), new BigDecimal("-0.001"),
                                new BigDecimal("12345678901234567890.123")),
                        Arrays.asList(KEY, null),
                        Arrays.asList(Tone.SOFT, null, Tone.LOUD),
                        NESTED,
                        "{\"k\" : [1, \"ü\"]}"),
                new Doc(2, null, null, null, null, null, null, null, null, null, null, null, null, null),
                new Doc(3, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of(), "[]", "\"s\""));
    }

    private static long write(Via via, List<Doc> rows) {
        return switch (via) {
            case COPY -> repo.copy(rows);
            case UNNEST -> repo.unnest(rows);
            case BATCH -> repo.batch(rows);
            case AUTO_SMALL_LIST -> repo.auto(rows);
            case AUTO_STREAM -> {
                repo.autoStream(rows.stream());
                yield rows.size();
            }
            case RETURNING -> repo.returningIds(rows).size();
            case UPSERT -> repo.upsert(rows);
        };
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void listsAndJsonComeBackAsWritten(Via via) {
        List<Doc> rows = rows();
        assertEquals(rows.size(), write(via, rows));
        assertEquals(expected(rows), readBack());
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void invalidJsonFailsNamingItsColumnAndWritesNothing(Via via) {
        Doc bad = new Doc(4, null, null, null, null, null, null, null, null, null, null, null, "{\"a\": 1,}", null);
        DataException e = assertThrows(DataException.class, () -> write(via, List.of(rows().get(0), bad)));
        assertTrue(e.getMessage().contains("invalid input syntax for type json"), e.getMessage());
        // named as the column of the bad value, not only in the statement's text: COPY and VALUES
        // say which column; a cast of UNNEST's array does not, so the columns of the type are named
        String column = switch (via) {
            case COPY, AUTO_STREAM -> "COPY docs, line 2, column body";
            case BATCH -> "Column: \"body\" (jsonb)";
            default -> "Columns of that type: \"body\", \"meta\" (json)";
        };
        assertTrue(e.getMessage().contains(column), e.getMessage());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM docs"));
    }

    @Test
    void upsertReplacesListsAndJson() {
        repo.upsert(rows());
        Doc changed = new Doc(1, List.of("new"), null, List.of(7L), List.of(1, 2), null, null, null, null, null, null,
                List.of(Tone.LOUD), "{\"v\": 2}", null);
        assertEquals(1, repo.upsert(List.of(changed)));
        List<Doc> now = new ArrayList<>(rows());
        now.set(0, changed);
        assertEquals(expected(now), readBack());
    }

    /**
     * COPY cannot send int8 elements to an integer[] column, nor text elements to jsonb[]; it says
     * so before writing and advises UNNEST, which does write them, as AUTO does in its place.
     */
    @Test
    void whatCopyCannotWriteUnnestDoesAsItsMessageAdvises() {
        testDb.execute(Mixed.DDL);
        MixedRepository mixed = db.repository(MixedRepository.class);
        List<Mixed> rows = List.of(new Mixed(1, Arrays.asList(1L, null, 3L), List.of("{\"a\": [1, \"x,y\"]}", "2")),
                new Mixed(2, null, Arrays.asList(null, "\"\\\"\"")));
        DataException e = assertThrows(DataException.class, () -> mixed.copy(rows));
        assertTrue(e.getMessage().contains("\"ranks\" is _int4 but its component is written as int8[], "
                + "\"docs\" is _jsonb but its component is written as text[]; change the component's type or use "
                + "InsertStrategy.UNNEST"), e.getMessage());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM mixed"));

        List<String> expected = List.of("1|{1,NULL,3}|{\"{\\\"a\\\": [1, \\\"x,y\\\"]}\",2}", "2|NULL|{NULL,\"\\\"\\\\\\\"\\\"\"}");
        assertEquals(2, mixed.unnest(rows));
        assertEquals(expected, BulkJdbc.query(testDb, "SELECT id || '|' || coalesce(ranks::text, 'NULL') || '|' || docs::text"
                + " FROM mixed ORDER BY id", rs -> rs.getString(1)));
        testDb.execute("TRUNCATE mixed");
        mixed.auto(rows.stream());
        assertEquals(expected, BulkJdbc.query(testDb, "SELECT id || '|' || coalesce(ranks::text, 'NULL') || '|' || docs::text"
                + " FROM mixed ORDER BY id", rs -> rs.getString(1)));
    }

    /** Each row as plain JDBC reads it: arrays as lists of their elements, JSON as the server's text. */
    private static List<List<Object>> readBack() {
        return BulkJdbc.query(testDb, "SELECT * FROM docs ORDER BY id", rs -> {
            List<Object> row = new ArrayList<>();
            row.add(rs.getLong("id"));
            for (int c = 2; c <= 12; c++) {
                row.add(list(rs.getArray(c)));
            }
            row.add(rs.getString("body"));
            row.add(rs.getString("meta"));
            return row;
        });
    }

    private static List<Object> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Object[]) array.getArray());
    }

    private static List<List<Object>> expected(List<Doc> docs) {
        List<List<Object>> rows = new ArrayList<>();
        for (Doc d : docs) {
            List<Object> row = new ArrayList<>();
            row.add(d.id());
            row.add(d.tags());
            row.add(d.labels());
            row.add(d.counts());
            row.add(d.ranks());
            row.add(d.small());
            row.add(d.ratios());
            row.add(d.floats());
            row.add(d.flags());
            row.add(d.amounts());
            row.add(d.keys());
            // an enum array comes back as the constants' names
            row.add(d.tones() == null ? null : d.tones().stream().map(t -> t == null ? null : t.name()).toList());
            row.add(jsonb(d.body()));
            // json keeps its text as given
            row.add(d.meta());
            rows.add(row);
        }
        return rows;
    }

    /** The text the server stores for {@code json} in a jsonb column, asked of it by plain JDBC. */
    private static String jsonb(String json) {
        if (json == null) {
            return null;
        }
        try (Connection conn = testDb.dataSource().getConnection();
             PreparedStatement stmt = conn.prepareStatement("SELECT ?::jsonb::text")) {
            stmt.setString(1, json);
            try (ResultSet rs = stmt.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
