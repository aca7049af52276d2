package dev.quarry.it.readme;

import dev.quarry.annotations.Delete;
import dev.quarry.annotations.Find;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Update;
import dev.quarry.annotations.Version;
import dev.quarry.runtime.OptimisticLockException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The README's writes-without-SQL sample. */
final class WritesSample {
    @Table("books") record Book(@Id long id, String title, BigDecimal price, @Version int version) {}

    @Repository
    public interface Books {
        @Find Optional<Book> findById(long id);                 // WHERE id = ?
        @Find List<Book> findByTitle(List<String> title);       // a collection: WHERE title = ANY(?)
        @Update void update(Book book);                         // SET title, price, version + 1 WHERE id AND version
        @Update(columns = "price") long reprice(List<Book> books);  // one UPDATE … FROM unnest(…) per chunk
        @Delete boolean delete(Book book);                      // by @Id and @Version
        @Delete long deleteByIds(List<Long> ids);               // WHERE id = ANY(?); empty: no SQL
    }

    static void calls(Books books) {
        Book book = books.findById(7).orElseThrow();
        try {
            books.update(new Book(book.id(), "New title", book.price(), book.version()));
        } catch (OptimisticLockException e) {
            System.out.println("changed meanwhile: " + e.staleIds());   // read again, or tell the user
        }
    }

    private WritesSample() {}
}
