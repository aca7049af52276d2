package dev.quarry.it.integrity;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import dev.quarry.runtime.UniqueViolationException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Statements, streams, bulk writes and transactional methods over {@code note}. */
@Repository
public abstract class Notes {
    @Query("INSERT INTO note (id, body) VALUES (:id, :body)")
    public abstract int insert(int id, String body);

    @Query("SELECT body FROM note WHERE id = :id")
    public abstract String body(int id);

    @Query("UPDATE note SET body = :body WHERE id = :id")
    public abstract int setBody(int id, String body);

    @Query("SELECT count(*) FROM note")
    public abstract long count();

    @Query("SELECT count(*) FROM note")
    public abstract CompletableFuture<Long> countLater();

    /** A small fetch size, so that a few dozen rows take several fetches. */
    @FetchSize(10)
    @Query("SELECT id, body FROM note ORDER BY id")
    public abstract Stream<Note> stream();

    /** AUTO: COPY for a stream, unless the stream may be fed by a cursor on the same connection. */
    @Insert
    public abstract long insertAll(Stream<Note> notes);

    @Insert(strategy = InsertStrategy.COPY)
    public abstract long copy(Stream<Note> notes);

    @Insert(strategy = InsertStrategy.COPY)
    public abstract long copyList(List<Note> notes);

    @Insert(strategy = InsertStrategy.UNNEST)
    public abstract long unnest(Stream<Note> notes);

    @Insert(strategy = InsertStrategy.UNNEST, chunkSize = 2)
    public abstract long unnestInPairs(Stream<Note> notes);

    /** Inserts {@code id}, then inserts it again and carries on after the unique violation. */
    @Transactional
    public void insertTwiceSwallowingTheFailure(int id) {
        insert(id, "first");
        try {
            insert(id, "duplicate");
        } catch (UniqueViolationException e) {
            // carry on, as if the duplicate did not matter
        }
    }

    /** Reads the note, runs {@code afterRead}, then overwrites the note. */
    @Transactional(isolation = Isolation.SERIALIZABLE, retries = 2)
    public void overwrite(int id, Runnable afterRead) {
        body(id);
        afterRead.run();
        setBody(id, "overwritten");
    }
}
