package dev.quarry.example;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Orders written in bulk: each call is one transaction, each chunk one statement or one COPY. */
@Repository
public interface OrderImportRepository {

    /** Binary COPY, 50 000 rows per chunk; the stream is read as it goes, never held in memory. */
    @Insert(strategy = InsertStrategy.COPY, chunkSize = 50_000)
    long copy(Stream<NewOrder> orders);

    /** {@code INSERT … SELECT * FROM unnest(?::int8[], ?::text[], …)}: one array per column and chunk. */
    @Insert(strategy = InsertStrategy.UNNEST)
    long unnest(List<NewOrder> orders);

    /** Multi-row {@code INSERT … VALUES (…), (…)} statements. */
    @Insert(strategy = InsertStrategy.BATCH)
    long batch(List<NewOrder> orders);

    /** {@code INSERT … ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status}: existing orders change status. */
    @Upsert(conflict = "id", update = "status")
    long upsertStatus(List<Order> orders);

    @Query("SELECT id FROM users ORDER BY id")
    List<Long> userIds();

    @Query("""
            SELECT id, user_id, status, total, created_at
            FROM orders
            WHERE created_at >= :since
            ORDER BY id
            LIMIT :limit""")
    List<Order> placedSince(Instant since, int limit);
}
