package dev.quarry.it.durations;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code Duration} ↔ {@code interval} through every path: binds, reads, arrays and the three bulk strategies. */
@Repository
public interface Timings {
    @Query("INSERT INTO timings (id, took, budget) VALUES (:id, :took, :budget)")
    int add(int id, Duration took, Duration budget);

    @Query("INSERT INTO timings (id, took, budget) VALUES (:timing.id, :timing.took, :timing.budget)")
    int addRecord(Timing timing);

    @Query("SELECT id, took, budget FROM timings ORDER BY id")
    List<Timing> all();

    @Query("SELECT took FROM timings WHERE id = :id")
    Duration took(int id);

    @Query("SELECT took FROM timings WHERE id = :id")
    Optional<Duration> tookIfAny(int id);

    @Query("SELECT budget FROM timings ORDER BY id")
    List<Duration> budgets();

    @Query("SELECT id FROM timings WHERE budget = ANY(:budgets) ORDER BY id")
    List<Integer> withBudget(List<Duration> budgets);

    /** A parameter PostgreSQL has no column to infer a type from: it is sent typed as interval. */
    @Query("SELECT :value")
    Duration echo(Duration value);

    @Query("SELECT CAST(:text AS interval)")
    Duration parse(String text);

    /** For this transaction only: how intervals are written as text. */
    @Query("SELECT set_config('IntervalStyle', :style, true)")
    String intervalStyle(String style);

    @Query("SELECT :value::text")
    String asText(Duration value);

    @Insert(strategy = InsertStrategy.COPY)
    long copy(List<Timing> timings);

    @Insert(strategy = InsertStrategy.UNNEST, chunkSize = 3)
    long unnest(List<Timing> timings);

    @Insert(strategy = InsertStrategy.BATCH, chunkSize = 3)
    long values(List<Timing> timings);

    @Insert(returning = "took")
    Duration addReturning(Timing timing);
}
