package dev.quarry.spring.app;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import dev.quarry.annotations.Upsert;
import java.util.List;
import java.util.stream.Stream;

/** The repository the Spring tests inject; every kind of call that takes a connection. */
@Repository
public interface Notes {
    @Query("INSERT INTO notes (id, body) VALUES (:id, :body)")
    int add(long id, String body);

    @Insert(strategy = InsertStrategy.UNNEST)
    long addAll(List<Note> notes);

    @Insert(strategy = InsertStrategy.COPY)
    long load(Stream<Note> notes);

    @Upsert(conflict = "id")
    long save(List<Note> notes);

    @Query("SELECT id, body FROM notes ORDER BY id")
    List<Note> all();

    @FetchSize(2)
    @Query("SELECT id, body FROM notes ORDER BY id")
    Stream<Note> stream();

    @Query("SELECT current_setting('transaction_isolation')")
    String isolation();

    @Query("SELECT current_setting('transaction_read_only')")
    String readOnly();

    /** Assigns a transaction id if there is none yet, so that two calls in one transaction agree. */
    @Query("SELECT txid_current()")
    long transactionId();

    @Transactional
    default long addTwo(long id) {
        add(id, "first");
        add(id + 1, "second");
        return transactionId();
    }
}
