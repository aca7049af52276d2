package dev.quarry.it.bulk;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
import java.util.List;

@Repository
public interface BlobRepository {
    /** AUTO: UNNEST for a list this short. */
    @Insert
    long insert(List<Blob> rows);

    @Insert(strategy = InsertStrategy.BATCH)
    long values(List<Blob> rows);

    @Upsert(conflict = "id")
    long upsert(List<Blob> rows);
}
