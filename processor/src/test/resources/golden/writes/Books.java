package example.writes;

import dev.quarry.annotations.Delete;
import dev.quarry.annotations.Find;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Update;
import dev.quarry.annotations.Version;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

@Repository
public interface Books {
    @Table("books")
    record Book(@Id long id, String title, BigDecimal price, @Version int version) {}

    @Find
    Optional<Book> findById(long id);

    @Update
    void update(Book book);

    @Update(columns = "price", chunkSize = 5_000)
    long reprice(List<Book> books);

    @Delete
    boolean delete(Book book);

    @Delete
    long deleteByIds(List<Long> ids);
}
