package dev.quarry.it.readme;

import dev.quarry.annotations.Batch;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Upsert;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The README's bulk-write sample. */
@Repository
interface BulkSample {
    @Table("orders") record Order(@Id long id, long userId, BigDecimal total) {}

    @Table("users") record UserRow(@Id long id, String email, String status, Instant updatedAt) {}

    record PriceChange(long id, BigDecimal price) {}

    @Insert                                              // AUTO: COPY for 1 000+ rows or a Stream, else UNNEST
    long insert(List<Order> orders);

    @Insert(strategy = InsertStrategy.COPY, chunkSize = 50_000)
    long load(Stream<Order> orders);                     // streamed: never all rows in memory

    @Insert(returning = "id")
    List<Long> insertReturningIds(List<Order> orders);   // in input order

    @Upsert(conflict = "email", update = "status", touch = "updated_at")
    long upsertUsers(List<UserRow> users);

    @Batch
    @Query("UPDATE products SET price = :price WHERE id = :id")
    long reprice(List<PriceChange> changes);
}
