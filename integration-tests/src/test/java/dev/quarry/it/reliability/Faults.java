package dev.quarry.it.reliability;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import java.util.stream.Stream;

/** Calls whose server process a test kills while they run, or between them. */
@Repository
public interface Faults {
    /** A row of a stream together with the server process that produced it. */
    record Tick(int n, int pid) {}

    @Query("SELECT pg_backend_pid()")
    int backendPid();

    @Query("SELECT pg_sleep(:seconds)::text")
    String sleep(double seconds);

    /** Ten rows per fetch, so that a stream killed after its first row fails on row eleven. */
    @FetchSize(10)
    @Query("SELECT g AS n, pg_backend_pid() AS pid FROM generate_series(1, :count) g")
    Stream<Tick> ticks(int count);

    @Insert(strategy = InsertStrategy.COPY, chunkSize = 100)
    long load(Stream<Entry> entries);

    @Query("INSERT INTO entries (id, label, amount) VALUES (:id, :label, :amount)")
    int add(long id, String label, int amount);

    @Transactional(isolation = Isolation.SERIALIZABLE, retries = 2)
    @Query("INSERT INTO entries (id, label, amount) VALUES (:id, :label, :amount)")
    int addSerializable(long id, String label, int amount);

    @Query("SELECT count(*) FROM entries")
    long count();
}
