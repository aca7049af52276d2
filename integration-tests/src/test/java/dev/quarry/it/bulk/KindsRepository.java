package dev.quarry.it.bulk;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Repository;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** The same rows through each strategy. */
@Repository
public interface KindsRepository {
    @Insert(strategy = InsertStrategy.COPY)
    long copy(List<Kinds> rows);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnest(Collection<Kinds> rows);

    @Insert(strategy = InsertStrategy.BATCH)
    int batch(Iterable<Kinds> rows);

    @Insert
    long auto(List<Kinds> rows);

    @Insert
    void autoStream(Stream<Kinds> rows);

    @Insert(strategy = InsertStrategy.UNNEST)
    void one(Kinds row);
}
