package dev.quarry.it.tx;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import java.util.stream.Stream;

/** Plain calls, streams and a transactional method over {@code entry}. */
@Repository
public interface Entries {
    record Entry(int id, String note) {}

    @Query("SELECT count(*) FROM entry")
    long count();

    @Query("SELECT id, note FROM entry ORDER BY id")
    Stream<Entry> all();

    @Transactional
    @Query("SELECT count(*) FROM entry")
    long countInTransaction();

    @Query("INSERT INTO entry (id, note) VALUES (:id, :note)")
    int insert(int id, String note);
}
