package dev.quarry.it.stream;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

@Repository
public interface StreamRepository {
    record Item(long id, int grp, BigDecimal amount, String label) {}

    /** {@code grp} is NULL on some rows, so reading them into an int fails mid-stream. */
    record StrictItem(long id, int grp) {}

    @Query("SELECT id, grp, amount, label FROM items ORDER BY id")
    Stream<Item> all();

    @Query("SELECT id, grp, amount, label FROM items WHERE id <= :maxId ORDER BY id")
    Stream<Item> upTo(long maxId);

    @Query("SELECT id, grp, amount, label FROM items WHERE id <= :maxId ORDER BY id")
    List<Item> listUpTo(long maxId);

    @FetchSize(10_000)
    @Query("SELECT id, grp, amount, label FROM items WHERE id <= :maxId ORDER BY id")
    Stream<List<Item>> partitionsUpTo(long maxId);

    @FetchSize(7)
    @Query("SELECT id FROM items WHERE id <= :maxId ORDER BY id")
    Stream<List<Long>> idPartitions(long maxId);

    @Query("SELECT id FROM items WHERE id <= :maxId ORDER BY id")
    Stream<Long> ids(long maxId);

    @Query("SELECT id, grp FROM nullable_items ORDER BY id")
    Stream<StrictItem> strict();

    @Query("SELECT current_setting('transaction_read_only') FROM items WHERE id = 1")
    Stream<String> readOnlySetting();

    @Query("SELECT count(*) FROM items")
    long count();

    @Query("INSERT INTO notes (body) VALUES (:body)")
    int addNote(String body);

    @Query("SELECT body FROM notes ORDER BY id")
    Stream<String> notes();
}
