package dev.quarry.it.reliability;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Everything the soak's threads do, over entries, counters and accounts. */
@Repository
public interface Soak {
    String DDL = Entry.DDL + """
            CREATE TABLE counters (key integer PRIMARY KEY, owner integer NOT NULL, version bigint NOT NULL);
            CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL);
            CREATE TABLE transfers (
                id bigserial PRIMARY KEY,
                thread integer NOT NULL,
                source integer NOT NULL,
                target integer NOT NULL,
                amount bigint NOT NULL
            );
            """;

    @Insert(strategy = InsertStrategy.COPY, chunkSize = 100)
    long copy(Stream<Entry> entries);

    @Insert(strategy = InsertStrategy.UNNEST, chunkSize = 100)
    long unnest(List<Entry> entries);

    @Insert
    long auto(List<Entry> entries);

    @Query("SELECT count(*) FROM entries WHERE id BETWEEN :from AND :to")
    long countBetween(long from, long to);

    @FetchSize(50)
    @Query("SELECT id FROM entries WHERE id BETWEEN :from AND :to ORDER BY id")
    Stream<Long> idsBetween(long from, long to);

    @Query("SELECT count(*) FROM entries")
    CompletableFuture<Long> countAsync();

    @Upsert(conflict = "key")
    long upsert(List<Counter> counters);

    @Query("SELECT balance FROM accounts WHERE id = :id")
    long balance(int id);

    @Query("UPDATE accounts SET balance = balance + :delta WHERE id = :id")
    int adjust(int id, long delta);

    @Query("INSERT INTO transfers (thread, source, target, amount) VALUES (:thread, :source, :target, :amount)")
    int logTransfer(int thread, int source, int target, long amount);
}
