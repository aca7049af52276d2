package dev.quarry.it.reliability;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.concurrent.CompletableFuture;

/** Statements that take as long as they are told to. */
@Repository
public interface Slow {
    @Query(value = "SELECT pg_sleep(:seconds)::text", timeout = 1)
    String sleepAtMostOneSecond(double seconds);

    /** No timeout of its own: only the server's {@code statement_timeout} limits it. */
    @Query("SELECT pg_sleep(:seconds)::text")
    String sleep(double seconds);

    @Query("SELECT pg_sleep(:seconds)::text")
    CompletableFuture<String> sleepAsync(double seconds);

    @Query("SELECT pg_backend_pid()")
    int backendPid();

    @Query("INSERT INTO entries (id, label, amount) VALUES (:id, :label, :amount)")
    int add(long id, String label, int amount);

    @Query("SELECT count(*) FROM entries")
    long count();
}
