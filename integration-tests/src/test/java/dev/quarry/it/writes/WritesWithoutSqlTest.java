package dev.quarry.it.writes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.Jdbc;
import dev.quarry.it.SqlCapture;
import dev.quarry.it.writes.Books.Book;
import dev.quarry.it.writes.Books.Genre;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.NoResultException;
import dev.quarry.runtime.OptimisticLockException;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Find}, {@code @Update}, {@code @Delete} and {@code @Version} on real PostgreSQL. */
@PostgresTest
class WritesWithoutSqlTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");
    private static final int ROWS = 50_000;

    private static TestDatabase testDb;
    private static Database db;
    private static Books books;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TYPE genre AS ENUM ('NOVEL', 'POETRY', 'ESSAY');
                CREATE TABLE books (id bigint PRIMARY KEY, author_id bigint NOT NULL, title text NOT NULL,
                                    price numeric(10, 2), genre genre NOT NULL, tags text[] NOT NULL,
                                    published timestamptz, version int NOT NULL);
                CREATE INDEX books_author_idx ON books (author_id);
                CREATE TABLE notes (code text PRIMARY KEY, body text NOT NULL);
                """);
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(4).build();
        books = db.repository(Books.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void fill() {
        testDb.execute("""
                TRUNCATE books, notes;
                INSERT INTO books
                  SELECT i, 1 + i %% 100, 'Title ' || i, (i %% 1000) / 10.0,
                         (ARRAY['NOVEL', 'POETRY', 'ESSAY']::genre[])[1 + i %% 3], ARRAY['t' || (i %% 5)],
                         timestamptz '2020-01-01 00:00:00+00' + i * interval '1 hour', 1
                  FROM generate_series(1, %d) i;
                INSERT INTO notes VALUES ('a', 'A'), ('b', 'B'), ('c', 'C');
                """.formatted(ROWS));
    }

    private static List<String> strings(String sql) {
        return Jdbc.query(testDb, sql, rs -> rs.getString(1));
    }

    private static List<Long> longs(String sql) {
        return strings(sql).stream().map(Long::valueOf).toList();
    }

    private static Book book(long id) {
        return books.findById(id).orElseThrow();
    }

    private static Book changed(Book b, String title, BigDecimal price) {
        return new Book(b.id(), b.authorId(), title, price, b.genre(), b.tags(), b.published(), b.version());
    }

    /** The table as text, row by row: what a hand-written UPDATE must leave too. */
    private static List<String> table(String where) {
        return strings("SELECT id || '|' || author_id || '|' || title || '|' || coalesce(price::text, '-') || '|'"
                + " || genre || '|' || tags::text || '|' || coalesce(published::text, '-') || '|' || version"
                + " FROM books WHERE " + where + " ORDER BY id");
    }

    @Test
    void findReadsByColumnsInIdOrderWithFiltersAndPages() {
        assertEquals(Optional.empty(), books.findById(ROWS + 1));
        Book b = book(7);
        assertEquals(new Book(7, 8, "Title 7", new BigDecimal("0.70"), Genre.POETRY, List.of("t2"),
                Instant.parse("2020-01-01T07:00:00Z"), 1), b);
        List<Long> ids = books.findByAuthorId(List.of(3L, 5L)).stream().map(Book::id).toList();
        assertEquals(longs("SELECT id FROM books WHERE author_id IN (3, 5) ORDER BY id"), ids);
        assertEquals(List.of(), books.findByAuthorId(List.of()));
        Page<Book> page = books.findByGenre(Genre.ESSAY, new BigDecimal("1.00"), PageRequest.ofPage(2, 10));
        assertEquals(testDb.queryLong("SELECT count(*) FROM books WHERE genre = 'ESSAY' AND price <= 1.00"),
                page.totalElements());
        assertEquals(longs("SELECT id FROM books WHERE genre = 'ESSAY' AND price <= 1.00 ORDER BY id "
                + "LIMIT 10 OFFSET 10"), page.content().stream().map(Book::id).toList());
        List<Long> walked = new ArrayList<>();
        CursoredPage<Book> feed = books.findByAuthorIdAfter(4, PageRequest.ofSize(100));
        feed.content().forEach(x -> walked.add(x.id()));
        while (feed.hasNext()) {
            feed = books.findByAuthorIdAfter(4, feed.nextPageRequest().orElseThrow());
            feed.content().forEach(x -> walked.add(x.id()));
        }
        assertEquals(longs("SELECT id FROM books WHERE author_id = 4 ORDER BY id"), walked);
        try (Stream<Book> all = books.findAll()) {
            assertEquals(ROWS, all.count());
        }
    }

    @Test
    void aSingleUpdateSetsEveryColumnAndMovesTheVersionByOne() {
        Book b = book(10);
        Book edited = new Book(10, 77, "New", new BigDecimal("12.34"), Genre.ESSAY, List.of("x", "y"), null, b.version());
        books.update(edited);
        assertEquals(new Book(10, 77, "New", new BigDecimal("12.34"), Genre.ESSAY, List.of("x", "y"), null, 2), book(10));
        assertEquals(List.of("11|12|Title 11|1.10|ESSAY|{t1}|2020-01-01 11:00:00+00|1"), table("id = 11"));
    }

    @Test
    void theSecondOfTwoWritersOfOneRowFailsNamingTheId() {
        Book first = book(20);
        Book second = book(20);
        books.update(changed(first, "first", first.price()));
        OptimisticLockException e = assertThrows(OptimisticLockException.class,
                () -> books.update(changed(second, "second", second.price())));
        assertEquals(List.of(20L), e.staleIds());
        assertTrue(e.getMessage().startsWith("Books.update: 1 row was changed by someone else"), e.getMessage());
        assertEquals("first", book(20).title());
        assertEquals(2, book(20).version());
        assertThrows(OptimisticLockException.class, () -> books.delete(second));
        assertThrows(OptimisticLockException.class, () -> books.updateIfThere(second));
    }

    @Test
    void aRowThatIsNotThereIsNoConflict() {
        Book ghost = new Book(ROWS + 5, 1, "ghost", null, Genre.NOVEL, List.of(), null, 1);
        NoResultException e = assertThrows(NoResultException.class, () -> books.update(ghost));
        assertTrue(e.getMessage().contains("no row has id [" + (ROWS + 5) + "]"), e.getMessage());
        assertFalse(books.updateIfThere(ghost));
        assertEquals(0, books.updateAll(List.of(ghost)));
        assertFalse(books.delete(ghost));
        assertThrows(NoResultException.class, () -> books.deleteOrFail(ghost));
    }

    @Test
    void aBulkUpdateOfEveryRowInSeveralChunksLeavesWhatAHandWrittenUpdateLeaves() {
        List<Book> all;
        try (Stream<Book> rows = books.findAll()) {
            all = rows.map(b -> changed(b, b.title() + "!", b.price() == null ? null : b.price().add(BigDecimal.ONE)))
                    .toList();
        }
        assertEquals(ROWS, books.updateInChunks(all.stream()));
        List<String> quarry = table("true");
        fill();
        testDb.execute("UPDATE books SET title = title || '!', price = price + 1, version = version + 1");
        assertEquals(table("true"), quarry);
        assertEquals(ROWS, testDb.queryLong("SELECT count(*) FROM books WHERE version = 2"));
    }

    @Test
    void oneStaleRowAmongTenThousandWritesNothingAndIsNamed() {
        List<Book> some = books.findByAuthorId(LongStreamIds.upTo(100)).subList(0, 10_000).stream()
                .map(b -> changed(b, "bulk", b.price())).collect(Collectors.toList());
        Book stale = some.get(4_321);
        testDb.execute("UPDATE books SET version = version + 1 WHERE id = " + stale.id());
        Collections.shuffle(some);
        OptimisticLockException e = assertThrows(OptimisticLockException.class, () -> books.updateAll(some));
        assertEquals(List.of(stale.id()), e.staleIds());
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM books WHERE title = 'bulk'"));
        assertEquals(ROWS - 1, testDb.queryLong("SELECT count(*) FROM books WHERE version = 1"));
    }

    @Test
    void aStaleRowIsFoundByTheLockBeforeAnyRowIsWritten() {
        List<Book> some = List.of(book(81), book(82), book(83));
        testDb.execute("UPDATE books SET version = 5 WHERE id = 82");
        try (SqlCapture sql = new SqlCapture()) {
            OptimisticLockException e = assertThrows(OptimisticLockException.class,
                    () -> books.updateAll(some.stream().map(b -> changed(b, "late", b.price())).toList()));
            assertEquals(List.of(82L), e.staleIds());
            List<String> ran = sql.statements("Books.updateAll");
            assertEquals(1, ran.size(), () -> "the lock, and no UPDATE: " + ran);
            assertTrue(ran.get(0).contains("FOR NO KEY UPDATE"), ran.get(0));
        }
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM books WHERE title = 'late'"));
    }

    @Test
    void rowsBeingUpdatedStayReferenceableByOtherTransactions() {
        testDb.execute("CREATE TABLE reviews (book_id bigint NOT NULL REFERENCES books)");
        try {
            db.transaction(() -> {
                assertEquals(2, books.reprice(List.of(book(90), book(91))));
                // another session inserts a row referencing one of them while this transaction holds its
                // locks: its foreign key check (FOR KEY SHARE) must not wait for this transaction to end
                testDb.execute("SET lock_timeout = '2s'; INSERT INTO reviews VALUES (90)");
                return null;
            });
            assertEquals(1, testDb.queryLong("SELECT count(*) FROM reviews"));
            assertEquals(2, testDb.queryLong("SELECT count(*) FROM books WHERE id IN (90, 91) AND version = 2"));
        } finally {
            testDb.execute("DROP TABLE reviews");
        }
    }

    @Test
    void aRowATriggerKeptFromBeingWrittenFailsTheCallInsteadOfCountingLess() {
        testDb.execute("""
                CREATE FUNCTION keep_95() RETURNS trigger LANGUAGE plpgsql AS
                  $$ BEGIN IF NEW.id = 95 THEN RETURN NULL; END IF; RETURN NEW; END $$;
                CREATE TRIGGER keep_95 BEFORE UPDATE ON books FOR EACH ROW EXECUTE FUNCTION keep_95();
                """);
        try {
            List<Book> three = List.of(book(94), book(95), book(96)).stream().map(b -> changed(b, "kept", b.price()))
                    .toList();
            DataException e = assertThrows(DataException.class, () -> books.updateAll(three));
            assertTrue(e.getMessage().startsWith("Books.updateAll: wrote 2 rows of the 3 it had locked"), e.getMessage());
            assertEquals(0, testDb.queryLong("SELECT count(*) FROM books WHERE title = 'kept'"));
        } finally {
            testDb.execute("DROP TRIGGER keep_95 ON books; DROP FUNCTION keep_95()");
        }
    }

    @Test
    void columnsLimitTheSet() {
        Book b = book(30);
        assertEquals(1, books.reprice(List.of(new Book(30, 0, "ignored", new BigDecimal("9.99"), Genre.NOVEL, List.of(),
                null, b.version()))));
        assertEquals(List.of("30|31|Title 30|9.99|NOVEL|{t0}|2020-01-02 06:00:00+00|2"), table("id = 30"));
    }

    @Test
    void anUpdateReturnsTheRowsAsUpdatedInIdOrder() {
        List<Book> read = List.of(book(72), book(70), book(71), book(73), book(74));
        List<Book> updated = books.retitle(read.stream().map(b -> changed(b, "T" + b.id(), null)).toList());
        // price is not among the columns set: it comes back as it is stored
        assertEquals(List.of(70L, 71L, 72L, 73L, 74L), updated.stream().map(Book::id).toList());
        for (Book b : updated) {
            assertEquals(new Book(b.id(), book(b.id()).authorId(), "T" + b.id(), book(b.id()).price(), book(b.id()).genre(),
                    book(b.id()).tags(), book(b.id()).published(), 2), b);
        }
        assertEquals(List.of(), books.retitle(List.of()));
    }

    @Test
    void anIdTwiceInOneCallIsRefused() {
        Book b = book(40);
        DataException e = assertThrows(DataException.class, () -> books.updateAll(List.of(b, changed(b, "x", null))));
        assertTrue(e.getMessage().contains("id 40 appears twice"), e.getMessage());
        assertEquals("Title 40", book(40).title());
    }

    @Test
    void deletesByRecordAndByIds() {
        assertTrue(books.delete(book(50)));
        assertEquals(Optional.empty(), books.findById(50));
        try (SqlCapture sql = new SqlCapture()) {
            assertEquals(0, books.deleteByIds(List.of()));
            assertEquals(List.of(), sql.statements("Books.deleteByIds"));
        }
        assertEquals(3, books.deleteByIds(List.of(51L, 52L, 52L, 53L, ROWS + 9L)));
        assertEquals(1, books.deleteById(54));
        assertEquals(0, books.deleteById(54));
        assertEquals(2, books.deleteNotes(List.of("a", "c", "zz")));
        assertEquals(List.of("b"), strings("SELECT code FROM notes"));
        assertEquals(ROWS - 5, testDb.queryLong("SELECT count(*) FROM books"));
    }

    @Test
    void aDeleteInsideATransactionRollsBackWithIt() {
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            assertEquals(2, books.deleteByIds(List.of(60L, 61L)));
            throw new IllegalStateException("roll back");
        }));
        assertEquals(2, testDb.queryLong("SELECT count(*) FROM books WHERE id IN (60, 61)"));
    }

    @Test
    void twoWritersOfOverlappingRowsInOppositeOrdersNeverDeadlock() throws Exception {
        for (int round = 0; round < 20; round++) {
            // 1 000 rows, two chunks of reprice's 500: the chunks of both calls lock in one key order
            testDb.execute("UPDATE books SET version = 0 WHERE author_id <= 2");
            List<Book> rows = books.findByAuthorId(LongStreamIds.upTo(2));
            assertEquals(1_000, rows.size());
            List<Book> backward = new ArrayList<>(rows);
            Collections.reverse(backward);
            // both carry version 0: the one that locks second finds the rows moved on, and fails without a deadlock
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> books.reprice(rows));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> books.reprice(backward));
            long written = 0;
            int conflicts = 0;
            for (CompletableFuture<Integer> f : List.of(a, b)) {
                try {
                    written += f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof OptimisticLockException, () -> "round: " + e.getCause());
                    conflicts++;
                }
            }
            assertEquals(1, conflicts, "one of two writers of the same versions loses");
            assertEquals(rows.size(), written);
        }
    }

    /** Author ids 1..n. */
    private static final class LongStreamIds {
        static List<Long> upTo(long n) {
            return LongStream.rangeClosed(1, n).boxed().toList();
        }
    }
}
