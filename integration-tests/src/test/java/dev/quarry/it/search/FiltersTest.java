package dev.quarry.it.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.SqlCapture;
import dev.quarry.it.search.People.Person;
import dev.quarry.it.search.People.PersonNotes;
import dev.quarry.it.search.People.PersonSort;
import dev.quarry.it.search.People.Status;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.Sort;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Filter}s and {@code Sort} on real PostgreSQL, each result against a hand-written query. */
@PostgresTest
class FiltersTest {
    private static final Instant SINCE = Instant.parse("2024-01-01T08:00:00Z");
    private static final String EVIL = "o'brien -- ; DROP TABLE people; --";

    private static TestDatabase testDb;
    private static Database db;
    private static People people;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TABLE people (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, email text NOT NULL UNIQUE,
                                     display_name text NOT NULL, status text NOT NULL, score int,
                                     created_at timestamptz NOT NULL);
                INSERT INTO people
                  SELECT i, 1 + i % 2, CASE WHEN i % 5 = 0 THEN 'P' ELSE 'p' END || i || '@example.com',
                         'Name ' || (i % 7), (ARRAY['ACTIVE', 'BLOCKED', 'INVITED'])[1 + i % 3],
                         CASE WHEN i % 6 = 0 THEN NULL ELSE (i * 37) % 100 END,
                         timestamptz '2024-01-01 00:00:00+00' + ((i * 7919) % 1009) * interval '1 minute'
                  FROM generate_series(1, 60) i;
                INSERT INTO people VALUES (61, 1, 'o''brien -- ; DROP TABLE people; --', 'Evil', 'ACTIVE', 1,
                                           timestamptz '2024-01-02 00:00:00+00');
                CREATE TABLE notes (id bigint PRIMARY KEY, person_id bigint NOT NULL REFERENCES people, body text NOT NULL);
                INSERT INTO notes SELECT p * 10 + k, p, 'note ' || p || '.' || k
                  FROM generate_series(1, 61) p, generate_series(1, p % 3) k;
                """);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        people = db.repository(People.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** The ids a hand-written statement returns, parameters bound in order. */
    private static List<Long> ids(String sql, Object... params) {
        try (Connection c = testDb.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Instant instant) {
                    s.setTimestamp(i + 1, Timestamp.from(instant));
                } else if (p instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Long> idsOf(List<Person> rows) {
        return rows.stream().map(Person::id).toList();
    }

    @Test
    void everyCombinationOfFourFiltersMatchesTheHandWrittenQuery() {
        Set<Status> statuses = Set.of(Status.ACTIVE, Status.INVITED);
        try (SqlCapture sql = new SqlCapture()) {
            for (int mask = 0; mask < 16; mask++) {
                StringBuilder where = new StringBuilder("tenant_id = ?");
                List<Object> params = new ArrayList<>(List.of(1L));
                if ((mask & 1) != 0) {
                    where.append(" AND status IN ('ACTIVE', 'INVITED')");
                }
                if ((mask & 2) != 0) {
                    where.append(" AND created_at >= ?");
                    params.add(SINCE);
                }
                if ((mask & 4) != 0) {
                    where.append(" AND email ILIKE ?");
                    params.add("p1%");
                }
                if ((mask & 8) != 0) {
                    where.append(" AND score >= ? AND score <= ?");
                    params.add(20);
                    params.add(80);
                }
                List<Long> expected = ids("SELECT id FROM people WHERE " + where + " ORDER BY id", params.toArray());
                List<Person> rows = people.search(1L, (mask & 1) != 0 ? statuses : null,
                        (mask & 2) != 0 ? Optional.of(SINCE) : Optional.empty(), (mask & 4) != 0 ? "p1%" : null,
                        (mask & 8) != 0 ? 20 : null, (mask & 8) != 0 ? Optional.of(80) : Optional.empty());
                assertEquals(expected, idsOf(rows), "filters " + Integer.toBinaryString(mask));
                assertTrue(mask == 0 || expected.size() < 31, "the filters narrow: " + mask);
            }
            // the same sets again: no new texts
            people.search(1L, statuses, Optional.empty(), null, null, Optional.empty());
            Set<String> texts = sql.statements("People.search").stream()
                    .map(line -> line.substring(line.indexOf("] ") + 2)).collect(Collectors.toSet());
            assertEquals(16, texts.size(), texts::toString);
        }
        assertTrue(idsOf(people.search(1L, null, Optional.empty(), null, null, Optional.empty())).size() > 30);
    }

    @Test
    void sixFiltersEveryCombinationOneTextPerSet() {
        String[] conditions = {"status = 'ACTIVE'", "score >= 30", "score <= 70", "created_at >= ?", "email LIKE 'p%'",
                "display_name <> 'Name 3'"};
        try (SqlCapture sql = new SqlCapture()) {
            for (int round = 0; round < 2; round++) {
                for (int mask = 0; mask < 64; mask++) {
                    StringBuilder where = new StringBuilder("tenant_id = 2");
                    List<Object> params = new ArrayList<>();
                    for (int i = 0; i < 6; i++) {
                        if ((mask & (1 << i)) != 0) {
                            where.append(" AND ").append(conditions[i]);
                            if (i == 3) {
                                params.add(SINCE);
                            }
                        }
                    }
                    List<Long> expected = ids("SELECT id FROM people WHERE " + where + " ORDER BY score DESC, id",
                            params.toArray());
                    List<Person> rows = people.wide(2L, (mask & 1) != 0 ? Status.ACTIVE : null,
                            (mask & 2) != 0 ? 30 : null, (mask & 4) != 0 ? 70 : null,
                            (mask & 8) != 0 ? Optional.of(SINCE) : Optional.empty(), (mask & 16) != 0 ? "p%" : null,
                            (mask & 32) != 0 ? "Name 3" : null, Sort.desc(PersonSort.SCORE));
                    assertEquals(expected, idsOf(rows), "filters " + Integer.toBinaryString(mask));
                }
            }
            Set<String> texts = sql.statements("People.wide").stream()
                    .map(line -> line.substring(line.indexOf("] ") + 2)).collect(Collectors.toSet());
            assertEquals(64, texts.size());
        }
    }

    @Test
    void aFilterWithTwoParametersAppliesOnlyWhenBothArePresent() {
        List<Long> all = idsOf(people.search(2L, null, Optional.empty(), null, null, Optional.empty()));
        assertEquals(all, idsOf(people.search(2L, null, Optional.empty(), null, 20, Optional.empty())));
        assertEquals(all, idsOf(people.search(2L, null, Optional.empty(), null, null, Optional.of(30))));
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 2 AND score BETWEEN 20 AND 30 ORDER BY id"),
                idsOf(people.search(2L, null, Optional.empty(), null, 20, Optional.of(30))));
    }

    @Test
    void aStatementWithNothingAfterItsFromTakesTheFilterAsItsWhere() {
        assertEquals(List.of(7L), idsOf(people.plain(7L)));
        assertEquals(61, people.plain(null).size());
    }

    @Test
    void anEmptyCollectionIsPresentAndMatchesNothing() {
        assertEquals(List.of(), people.search(1L, Set.of(), Optional.empty(), null, null, Optional.empty()));
    }

    @Test
    void optionalOutsideFiltersBindsNullWhenEmpty() {
        assertEquals(ids("SELECT id FROM people ORDER BY id"), idsOf(people.byOptionalStatus(Optional.empty())));
        assertEquals(ids("SELECT id FROM people WHERE status = 'BLOCKED' ORDER BY id"),
                idsOf(people.byOptionalStatus(Optional.of(Status.BLOCKED))));
    }

    @Test
    void filterValuesWithQuotesCommentsAndSemicolonsMatchLiterally() {
        assertEquals(List.of(61L), idsOf(people.first(Optional.of(EVIL), Sort.unsorted(), 10)));
        assertEquals(List.of(), people.search(1L, null, Optional.empty(), "x'; DROP TABLE people; --", null,
                Optional.empty()));
        assertEquals(List.of(61L), idsOf(people.search(1L, null, Optional.empty(), "%'brien -- ;%", null,
                Optional.empty())));
        assertEquals(61, testDb.queryLong("SELECT count(*) FROM people"));
    }

    @Test
    void everySortKeyInBothDirectionsMatchesTheDatabasesSortTiesByTheStatementsOwnOrder() {
        String[] sql = {"email", "created_at", "lower(display_name)", "score"};
        for (PersonSort key : PersonSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                String direction = descending ? " DESC" : "";
                List<Long> expected = ids("SELECT id FROM people WHERE tenant_id = 1 ORDER BY "
                        + sql[key.ordinal()] + direction + ", id");
                Sort<PersonSort> sort = descending ? Sort.desc(key) : Sort.asc(key);
                assertEquals(expected, idsOf(people.sorted(1L, null, sort)), sort::toString);
            }
        }
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 1 AND status = 'ACTIVE' "
                        + "ORDER BY lower(display_name) DESC, score, id"),
                idsOf(people.sorted(1L, Status.ACTIVE, Sort.desc(PersonSort.NAME).thenAsc(PersonSort.SCORE))));
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 1 ORDER BY id"),
                idsOf(people.sorted(1L, null, Sort.unsorted())));
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 1 ORDER BY id"), idsOf(people.sorted(1L, null, null)));
    }

    @Test
    void aSortWithoutAnOrderByOfTheStatementGoesBeforeItsLimit() {
        assertEquals(ids("SELECT id FROM people ORDER BY email DESC LIMIT 5"),
                idsOf(people.first(Optional.empty(), Sort.desc(PersonSort.EMAIL), 5)));
        assertEquals(ids("SELECT id FROM people ORDER BY created_at, email LIMIT 7"),
                idsOf(people.first(Optional.empty(), Sort.asc(PersonSort.CREATED_AT).thenAsc(PersonSort.EMAIL), 7)));
    }

    @Test
    void parsedSortFromRequestText() {
        Sort<PersonSort> sort = Sort.parse(PersonSort.class, "-createdAt, email");
        assertEquals(Sort.desc(PersonSort.CREATED_AT).thenAsc(PersonSort.EMAIL), sort);
        assertEquals("Sort[-CREATED_AT,EMAIL]", sort.toString());
        assertEquals(Sort.asc(PersonSort.CREATED_AT), Sort.parse(PersonSort.class, "CREATED_AT"));
        assertEquals(Sort.asc(PersonSort.CREATED_AT), Sort.parse(PersonSort.class, "created_at"));
        assertEquals(Sort.unsorted(), Sort.parse(PersonSort.class, " "));
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 1 ORDER BY created_at DESC, email, id"),
                idsOf(people.sorted(1L, null, sort)));

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Sort.parse(PersonSort.class, "-createdAt,password"));
        assertEquals("Sort.parse: unknown key 'password'; accepted: email, created_at, name, score", unknown.getMessage());
        for (String bad : List.of("id; drop table users", "email desc", "email,,score", "lower(email)", "--email",
                "email'--", "email,email")) {
            assertThrows(IllegalArgumentException.class, () -> Sort.parse(PersonSort.class, bad), bad);
        }
        assertEquals(61, testDb.queryLong("SELECT count(*) FROM people"));
    }

    @Test
    void filtersAfterWithInStreamsTopPerGroupAndAsync() throws Exception {
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 2 AND email LIKE 'p2%' ORDER BY id"),
                idsOf(people.viaWith(2L, "p2")));
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 2 ORDER BY id"), idsOf(people.viaWith(2L, null)));
        try (Stream<Person> rows = people.stream(2L)) {
            assertEquals(ids("SELECT id FROM people WHERE tenant_id = 2 ORDER BY id"), rows.map(Person::id).toList());
        }
        try (Stream<Person> rows = people.stream(null)) {
            assertEquals(61, rows.count());
        }
        // the filter ranks among the matching rows, not after ranking all of them
        assertEquals(ids("""
                SELECT id FROM (SELECT id, tenant_id, row_number() OVER (PARTITION BY tenant_id
                                ORDER BY created_at DESC, id DESC) AS rank FROM people WHERE status = 'BLOCKED') t
                WHERE rank <= 2 ORDER BY tenant_id, rank"""), idsOf(people.latestPerTenant(Status.BLOCKED)));
        assertEquals(4, people.latestPerTenant(null).size());
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 1 AND status = 'INVITED' ORDER BY id"),
                idsOf(people.searchAsync(1L, Status.INVITED).get()));
    }

    @Test
    void aFilteredCallLoadsTheChildrenOfTheRowsItReturns() {
        String expectedSql = "SELECT id FROM people WHERE tenant_id = 1 AND status = 'BLOCKED' ORDER BY email DESC, id";
        List<Long> expected = ids(expectedSql);
        Sort<PersonSort> sort = Sort.desc(PersonSort.EMAIL);
        for (List<PersonNotes> rows : List.of(people.withNotes(1L, Status.BLOCKED, sort),
                people.withNotesJoined(1L, Status.BLOCKED, sort))) {
            assertEquals(expected, rows.stream().map(PersonNotes::id).toList());
            for (PersonNotes row : rows) {
                assertEquals(ids("SELECT id FROM notes WHERE person_id = ? ORDER BY id", row.id()),
                        row.notes().stream().map(People.Note::id).toList(), "notes of " + row.id());
            }
            assertTrue(rows.stream().anyMatch(r -> !r.notes().isEmpty()));
        }
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 1 ORDER BY id"),
                people.withNotesJoined(1L, null, null).stream().map(PersonNotes::id).toList());
        try (Stream<PersonNotes> rows = people.streamWithNotes(2L, Status.ACTIVE)) {
            List<PersonNotes> list = rows.toList();
            assertEquals(ids("SELECT id FROM people WHERE tenant_id = 2 AND status = 'ACTIVE' ORDER BY id"),
                    list.stream().map(PersonNotes::id).toList());
            Set<Long> notes = new HashSet<>();
            list.forEach(r -> r.notes().forEach(n -> notes.add(n.id())));
            assertEquals(new HashSet<>(ids("SELECT n.id FROM notes n JOIN people p ON p.id = n.person_id "
                    + "WHERE p.tenant_id = 2 AND p.status = 'ACTIVE'")), notes);
        }
    }
}
