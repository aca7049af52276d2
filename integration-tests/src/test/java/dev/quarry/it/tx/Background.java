package dev.quarry.it.tx;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code CompletableFuture} methods, with and without a transaction. */
@Repository
public interface Background {
    @Query("SELECT :n * :n")
    CompletableFuture<Integer> square(int n);

    /** A statement that runs until it is cancelled; the cast tells it apart in pg_stat_activity. */
    @Query("SELECT pg_sleep(30)::text AS plain")
    CompletableFuture<String> sleep();

    @Transactional
    @Query("SELECT pg_sleep(30)::text AS transactional")
    CompletableFuture<String> sleepInTransaction();

    @Query("SELECT count(*) FROM entry WHERE id = ANY(:ids)")
    CompletableFuture<Long> countOf(List<Integer> ids);

    @Transactional(readOnly = true)
    @Query("SELECT count(*) FROM entry WHERE id = ANY(:ids)")
    CompletableFuture<Long> countOfInTransaction(List<Integer> ids);

    @Query("INSERT INTO entry (id, note) VALUES (:id, :note)")
    CompletableFuture<Integer> insert(int id, String note);
}
