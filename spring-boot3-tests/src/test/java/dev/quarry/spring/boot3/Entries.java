package dev.quarry.spring.boot3;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;

@Repository
public interface Entries {
    @Query("INSERT INTO entries (id, body) VALUES (:id, :body)")
    int add(long id, String body);

    @Insert(strategy = InsertStrategy.UNNEST)
    long addAll(List<Entry> entries);

    @Query("SELECT id, body FROM entries ORDER BY id")
    List<Entry> all();
}
