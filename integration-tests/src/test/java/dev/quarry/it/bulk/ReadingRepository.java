package dev.quarry.it.bulk;

import dev.quarry.annotations.Batch;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
import java.util.List;
import java.util.stream.Stream;

@Repository
public interface ReadingRepository {
    @Insert(strategy = InsertStrategy.COPY)
    long copy(Stream<Reading> rows);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnest(Iterable<Reading> rows);

    @Insert(strategy = InsertStrategy.BATCH)
    long batch(Iterable<Reading> rows);

    @Insert
    long auto(List<Reading> rows);

    // Five chunks of 100 rows for 500 rows: failures placed in the third.

    @Insert(strategy = InsertStrategy.COPY, chunkSize = 100)
    long copy100(List<Reading> rows);

    @Insert(strategy = InsertStrategy.UNNEST, chunkSize = 100)
    long unnest100(List<Reading> rows);

    @Insert(strategy = InsertStrategy.BATCH, chunkSize = 100)
    long batch100(List<Reading> rows);

    @Upsert(conflict = "id", chunkSize = 100)
    long upsert100(Stream<Reading> rows);

    @Batch(chunkSize = 100)
    @Query("INSERT INTO readings (id, sensor, value, label, taken_at) VALUES (:id, :sensor, :value, :label, :takenAt)")
    long batchQuery100(List<Reading> rows);

    @Insert(strategy = InsertStrategy.COPY, chunkSize = 100)
    long copyStream100(Stream<Reading> rows);
}
