package dev.quarry.it.bulk;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Repository;
import java.util.List;

@Repository
public interface NarrowRepository {
    @Insert(strategy = InsertStrategy.COPY)
    long copy(List<Narrow> rows);

    @Insert
    long auto(List<Narrow> rows);

    @Insert(strategy = InsertStrategy.BATCH)
    long batch(List<Narrow> rows);

    @Insert(strategy = InsertStrategy.COPY)
    long copyMoods(List<Narrow.MoodRow> rows);

    @Insert(strategy = InsertStrategy.BATCH)
    long batchMoods(List<Narrow.MoodRow> rows);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnestMoods(List<Narrow.MoodRow> rows);
}
