package dev.quarry.it.observability;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** One method per kind of call an observation has to see. */
@Repository
public interface Watched {
    @Query("SELECT label FROM watched WHERE id = :id")
    Optional<String> label(long id);

    /** {@code NoResultException} when there is no such row. */
    @Query("SELECT label FROM watched WHERE id = :id")
    String labelOf(long id);

    /** {@code UniqueViolationException} for an id that exists. */
    @Query("INSERT INTO watched (id, label) VALUES (:id, :label)")
    int add(long id, String label);

    @Query("SELECT id, label FROM watched ORDER BY id")
    @FetchSize(2)
    Stream<Entry> all();

    /** Fails (division by zero) when the cursor reaches id 3, after the first fetch. */
    @Query("SELECT id, label FROM watched WHERE 1 / (id - 3) IS NOT NULL ORDER BY id")
    @FetchSize(2)
    Stream<Entry> failingAtThree();

    @Insert(strategy = InsertStrategy.UNNEST)
    long addAll(List<Entry> entries);

    @Insert(strategy = InsertStrategy.COPY)
    long copyAll(List<Entry> entries);

    @Query("SELECT label FROM watched WHERE id = :id")
    CompletableFuture<Optional<String>> labelAsync(long id);

    /** A serialization failure (40001) while {@code attempt} is below 3. */
    @Query("SELECT watched_conflict(:attempt)")
    int conflictUntilThird(int attempt);

    @Query("SELECT :tag::text FROM pg_sleep(:seconds)")
    String sleep(double seconds, String tag);
}
