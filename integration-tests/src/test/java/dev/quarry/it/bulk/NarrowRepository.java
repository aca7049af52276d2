package dev.quarry.it.bulk;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
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

    @Insert
    long autoMoods(List<Narrow.MoodRow> rows);

    @Upsert(conflict = "id")
    long upsertMoods(List<Narrow.MoodRow> rows);

    @Upsert(conflict = "id", returning = {"id", "mood"})
    List<Narrow.MoodRow> upsertMoodsReturning(List<Narrow.MoodRow> rows);

    @Upsert(conflict = "id", update = "mood", touch = "seen_at")
    long upsertSeenMoods(List<Narrow.SeenMood> rows);
}
