package dev.quarry.it.bulk;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Repository;
import java.util.List;
import java.util.stream.Stream;

@Repository
public interface MixedRepository {
    @Insert(strategy = InsertStrategy.COPY)
    long copy(List<Mixed> rows);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnest(List<Mixed> rows);

    /** A stream: AUTO would choose COPY, and takes UNNEST when COPY cannot write the columns. */
    @Insert
    void auto(Stream<Mixed> rows);
}
