package dev.quarry.it.bulk;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
import java.util.List;
import java.util.stream.Stream;

/** The same rows of lists and JSON through each strategy. */
@Repository
public interface DocRepository {
    @Insert(strategy = InsertStrategy.COPY)
    long copy(List<Doc> rows);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnest(List<Doc> rows);

    @Insert(strategy = InsertStrategy.BATCH)
    long batch(List<Doc> rows);

    @Insert
    long auto(List<Doc> rows);

    @Insert
    void autoStream(Stream<Doc> rows);

    @Insert(returning = "id")
    List<Long> returningIds(List<Doc> rows);

    @Upsert(conflict = "id")
    long upsert(List<Doc> rows);
}
