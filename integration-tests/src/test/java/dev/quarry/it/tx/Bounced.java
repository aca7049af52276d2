package dev.quarry.it.tx;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** The core kinds of call, run through PgBouncer in transaction pooling mode. */
@Repository
public abstract class Bounced {
    static final String DDL = "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL);";

    @Table("note")
    record Note(@Id int id, String body) {}

    @Insert
    abstract long insertAll(List<Note> notes);

    @Query("INSERT INTO note (id, body) VALUES (:id, :body)")
    abstract int insert(int id, String body);

    @Query("UPDATE note SET body = :body WHERE id = :id")
    abstract int update(int id, String body);

    @Query("SELECT id, body FROM note WHERE id BETWEEN :from AND :to ORDER BY id")
    abstract List<Note> between(int from, int to);

    @Query("SELECT body FROM note WHERE id = :id")
    abstract Optional<String> body(int id);

    @Query("SELECT count(*) FROM note WHERE id BETWEEN :from AND :to")
    abstract long count(int from, int to);

    @FetchSize(50)
    @Query("SELECT id, body FROM note WHERE id BETWEEN :from AND :to ORDER BY id")
    abstract Stream<Note> stream(int from, int to);

    /** The same statement many times: pgjdbc would make it a named server-side statement after five. */
    @Query("SELECT :n + 1000")
    abstract int probe(int n);

    /** As {@link #probe}, for the run without the mode, whose named statement stays behind. */
    @Query("SELECT :n + 2000")
    abstract int otherProbe(int n);

    @Query("SELECT count(*) FROM pg_prepared_statements WHERE statement = :sql")
    abstract long preparedOnServer(String sql);

    @Transactional(isolation = Isolation.SERIALIZABLE)
    @Query("SELECT current_setting('transaction_isolation') || '/' || current_setting('default_transaction_isolation')")
    abstract String serializableLevels();

    @Transactional(readOnly = true)
    @Query("SELECT current_setting('transaction_read_only') || '/' || current_setting('default_transaction_read_only')")
    abstract String readOnlyLevels();

    @Query("SELECT pg_sleep(30)::text AS bounced")
    abstract CompletableFuture<String> sleep();

    @Query("SELECT :n * 2")
    abstract CompletableFuture<Integer> twice(int n);

    /** Writes two rows, then fails when asked to: both or neither. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public void insertPair(int first, boolean fail) {
        insert(first, "first");
        insert(first + 1, "second");
        if (fail) {
            throw new IllegalStateException("pair rejected");
        }
    }
}
