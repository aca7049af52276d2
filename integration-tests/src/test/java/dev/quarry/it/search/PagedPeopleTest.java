package dev.quarry.it.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.SqlCapture;
import dev.quarry.it.search.People.Note;
import dev.quarry.it.search.People.Person;
import dev.quarry.it.search.People.PersonNotes;
import dev.quarry.it.search.People.PersonSort;
import dev.quarry.it.search.People.Status;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.runtime.Sort;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages of a filtered, sorted search and of parents with relations, each against a hand-written query. */
@PostgresTest
class PagedPeopleTest {
    private static TestDatabase testDb;
    private static Database db;
    private static PagedPeople people;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TABLE people (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, email text NOT NULL UNIQUE,
                                     display_name text NOT NULL, status text NOT NULL, score int,
                                     created_at timestamptz NOT NULL);
                INSERT INTO people
                  SELECT i, 1 + i % 2, 'p' || i || '@example.com', 'Name ' || (i % 7),
                         (ARRAY['ACTIVE', 'BLOCKED', 'INVITED'])[1 + i % 3],
                         CASE WHEN i % 6 = 0 THEN NULL ELSE (i * 37) % 10 END,
                         timestamptz '2024-01-01 00:00:00+00' + (i % 13) * interval '1 minute'
                  FROM generate_series(1, 95) i;
                CREATE TABLE notes (id bigint PRIMARY KEY, person_id bigint NOT NULL REFERENCES people, body text NOT NULL);
                INSERT INTO notes SELECT p * 10 + k, p, 'note ' || p || '.' || k
                  FROM generate_series(1, 95) p, generate_series(1, p % 3) k;
                """);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        people = db.repository(PagedPeople.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static List<Long> ids(String sql, Object... params) {
        try (Connection c = testDb.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
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
    void listPagesAreTheLimitAndOffsetOfTheFilteredStatement() {
        List<Long> expected = ids("SELECT id FROM people WHERE tenant_id = 1 AND status = 'ACTIVE' ORDER BY id");
        List<Long> walked = new ArrayList<>();
        for (long n = 1; n <= 5; n++) {
            walked.addAll(idsOf(people.list(1L, Status.ACTIVE, PageRequest.ofPage(n, 4))));
        }
        assertEquals(expected, walked);
        assertEquals(expected.subList(8, 12), idsOf(people.list(1L, Status.ACTIVE, PageRequest.ofPage(3, 4))));
        assertEquals(List.of(), people.list(1L, Status.ACTIVE, PageRequest.ofPage(99, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> people.list(1L, null, PageRequest.afterCursor("abc", 4)));
    }

    @Test
    void pagesWithAFilterAndASortCountOnlyWhenTheRowsDoNotTell() {
        List<Long> expected = ids("SELECT id FROM people WHERE tenant_id = 2 AND status = 'BLOCKED' "
                + "ORDER BY created_at DESC, id");
        Sort<PersonSort> sort = Sort.desc(PersonSort.CREATED_AT);
        try (SqlCapture sql = new SqlCapture()) {
            List<Long> walked = new ArrayList<>();
            Optional<PageRequest> next = Optional.of(PageRequest.ofSize(5));
            int pages = 0;
            while (next.isPresent()) {
                Page<Person> page = people.page(2L, Status.BLOCKED, sort, next.get());
                assertEquals(expected.size(), page.totalElements());
                assertEquals((expected.size() + 4) / 5, page.totalPages());
                walked.addAll(idsOf(page.content()));
                next = page.nextPageRequest();
                pages++;
            }
            assertEquals(expected, walked);
            // every full page counts; the last, partial one does not
            long counts = sql.statements("PagedPeople.page").stream().filter(s -> s.contains("count(*)")).count();
            assertEquals(expected.size() % 5 == 0 ? pages : pages - 1, counts);
        }
        Page<Person> all = people.page(2L, null, Sort.unsorted(), PageRequest.ofSize(1000));
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 2 ORDER BY id"), idsOf(all.content()));
        assertFalse(all.hasNext());
        Page<Person> none = people.page(3L, null, Sort.unsorted(), PageRequest.ofSize(10));
        assertEquals(0, none.totalElements());
        assertEquals(0, none.totalPages());
        Page<Person> beyond = people.page(2L, null, Sort.unsorted(), PageRequest.ofPage(40, 10));
        assertEquals(List.of(), beyond.content());
        assertEquals(all.totalElements(), beyond.totalElements());
        assertEquals(all.totalElements(), people.pageAsync(2L, PageRequest.ofPage(2, 3)).join().totalElements());
    }

    @Test
    void keysetPagesWalkEveryRowOnceInMixedDirections() {
        List<Long> expected = ids("SELECT id FROM people WHERE tenant_id = 1 ORDER BY created_at DESC, id");
        for (int size : new int[] {1, 3, 10, 1000}) {
            List<Long> walked = new ArrayList<>();
            CursoredPage<Person> page = people.feed(1L, null, PageRequest.ofSize(size));
            walked.addAll(idsOf(page.content()));
            while (page.hasNext()) {
                page = people.feed(1L, null, page.nextPageRequest().orElseThrow());
                walked.addAll(idsOf(page.content()));
            }
            assertEquals(expected, walked, "size " + size);
        }
        CursoredPage<Person> first = people.feed(1L, Status.INVITED, PageRequest.ofSize(2));
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 1 AND status = 'INVITED' "
                + "ORDER BY created_at DESC, id LIMIT 4"), idsOf(people.feed(1L, Status.INVITED, PageRequest.ofSize(4)).content()));
        CursoredPage<Person> second = people.feed(1L, Status.INVITED, first.nextPageRequest().orElseThrow());
        assertEquals(ids("SELECT id FROM people WHERE tenant_id = 1 AND status = 'INVITED' "
                + "ORDER BY created_at DESC, id LIMIT 2 OFFSET 2"), idsOf(second.content()));
        String cursor = first.nextCursor().orElseThrow();
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> people.byScore(PageRequest.afterCursor(cursor, 2)));
        assertTrue(other.getMessage().contains("PagedPeople.byScore"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> people.feed(1L, null, PageRequest.ofPage(2, 2)));
    }

    @Test
    void aNullKeyInTheLastRowOfAPageNamesTheColumn() {
        DataException e = assertThrows(DataException.class, () -> people.byScore(PageRequest.ofSize(7)));
        assertTrue(e.getMessage().contains("'score'"), e.getMessage());
    }

    private static <P> List<Long> walkParents(Function<PageRequest, P> call, Function<P, List<PersonNotes>> content,
                                              Function<P, Optional<PageRequest>> next, List<List<Long>> notes) {
        List<Long> walked = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.ofSize(7));
        while (request.isPresent()) {
            P page = call.apply(request.get());
            List<PersonNotes> rows = content.apply(page);
            assertTrue(rows.size() <= 7);
            for (PersonNotes p : rows) {
                walked.add(p.id());
                notes.add(p.notes().stream().map(Note::id).toList());
            }
            request = next.apply(page);
        }
        return walked;
    }

    @Test
    void pagesOfParentsWithRelationsCountParents() {
        List<Long> expected = ids("SELECT id FROM people ORDER BY email DESC");
        List<List<Long>> expectedNotes = new ArrayList<>();
        for (long id : expected) {
            expectedNotes.add(ids("SELECT id FROM notes WHERE person_id = ? ORDER BY id", id));
        }
        List<List<Long>> notes = new ArrayList<>();
        assertEquals(expected, walkParents(people::notesJoined, CursoredPage::content, CursoredPage::nextPageRequest, notes));
        assertEquals(expectedNotes, notes);
        notes.clear();
        assertEquals(expected, walkParents(people::notesSelectIn, Page::content, Page::nextPageRequest, notes));
        assertEquals(expectedNotes, notes);
        notes.clear();
        assertEquals(expected, walkParents(people::notesJoinedPage, Page::content, Page::nextPageRequest, notes));
        assertEquals(expectedNotes, notes);
        assertEquals(expected.size(), people.notesJoinedPage(PageRequest.ofSize(7)).totalElements());
    }
}
