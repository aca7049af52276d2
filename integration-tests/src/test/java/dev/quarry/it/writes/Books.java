package dev.quarry.it.writes;

import dev.quarry.annotations.Delete;
import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Find;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Update;
import dev.quarry.annotations.Version;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Writes and lookups of {@code books} without SQL. */
@Repository
public interface Books {
    enum Genre { NOVEL, POETRY, ESSAY }

    @Table("books")
    record Book(@Id long id, long authorId, String title, BigDecimal price, Genre genre, List<String> tags,
                Instant published, @Version int version) {}

    @Table("notes")
    record Note(@Id String code, String body) {}

    @Find
    Optional<Book> findById(long id);

    @Find
    List<Book> findByAuthorId(Collection<Long> authorId);

    @Find
    @Filter("price <= :maxPrice")
    Page<Book> findByGenre(Genre genre, BigDecimal maxPrice, PageRequest page);

    @Find
    CursoredPage<Book> findByAuthorIdAfter(@dev.quarry.annotations.Bind("author_id") long authorId, PageRequest page);

    @Find
    Stream<Book> findAll();

    @Update
    void update(Book book);

    @Update
    boolean updateIfThere(Book book);

    @Update
    long updateAll(List<Book> books);

    @Update(chunkSize = 7_000)
    long updateInChunks(Stream<Book> books);

    @Update(columns = "price", chunkSize = 500)
    int reprice(List<Book> books);

    @Update(columns = "title", chunkSize = 2)
    List<Book> retitle(List<Book> books);

    @Delete
    boolean delete(Book book);

    @Delete
    void deleteOrFail(Book book);

    @Delete
    long deleteByIds(List<Long> ids);

    @Delete
    int deleteById(long id);

    @Delete(Note.class)
    long deleteNotes(List<String> codes);
}
