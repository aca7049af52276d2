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
public interface GhostRepository {
    @Insert(strategy = InsertStrategy.COPY)
    long copy(List<Ghost> rows);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnest(List<Ghost> rows);

    @Insert(strategy = InsertStrategy.BATCH)
    long batch(List<Ghost> rows);

    @Insert
    long auto(Stream<Ghost> rows);

    @Insert(returning = "id")
    List<Long> returning(List<Ghost> rows);

    @Upsert(conflict = "id")
    long upsert(List<Ghost> rows);

    @Batch
    @Query("DELETE FROM no_such_table WHERE id = :id")
    long delete(List<Ghost> rows);
}
