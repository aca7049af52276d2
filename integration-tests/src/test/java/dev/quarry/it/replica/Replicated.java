package dev.quarry.it.replica;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import java.util.stream.Stream;

/** Calls whose answers say where they ran: {@code pg_is_in_recovery()} is true on a standby only. */
@Repository
public abstract class Replicated {
    static final String DDL = "CREATE TABLE item (id int PRIMARY KEY, note text NOT NULL);";

    record Item(int id, String note, boolean onStandby) {}

    @Query("SELECT pg_is_in_recovery()")
    abstract boolean onStandby();

    @Transactional(readOnly = true)
    @Query("SELECT pg_is_in_recovery()")
    abstract boolean onStandbyReadOnly();

    @Query("SELECT count(*) FROM item WHERE id = :id")
    abstract long count(int id);

    @Transactional(readOnly = true)
    @Query("SELECT count(*) FROM item WHERE id = :id")
    abstract long countReadOnly(int id);

    @Transactional(readOnly = true)
    @Query("SELECT count(*) FROM item")
    abstract long countAllReadOnly();

    @Query("INSERT INTO item (id, note) VALUES (:id, :note)")
    abstract int add(int id, String note);

    @Transactional(readOnly = true)
    public int addReadOnly(int id) {
        return add(id, "read-only");
    }

    /**
     * Counts the rows twice in one REPEATABLE READ snapshot, running {@code between} in between: the
     * snapshot is held while the session is idle, which a recovery conflict cannot wait for.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, retries = 2)
    public long countTwice(Runnable between) {
        long first = countAllReadOnly();
        between.run();
        return first + countAllReadOnly();
    }

    /** As {@link #countTwice}, without retries. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public long countTwiceOnce(Runnable between) {
        long first = countAllReadOnly();
        between.run();
        return first + countAllReadOnly();
    }

    @FetchSize(10)
    @Query("SELECT id, note, pg_is_in_recovery() AS on_standby FROM item ORDER BY id")
    abstract Stream<Item> items();

    @Query("SELECT pg_sleep(:seconds)::text")
    abstract String sleep(double seconds);

    @Transactional(readOnly = true)
    @Query("SELECT pg_sleep(:seconds)::text")
    abstract String sleepReadOnly(double seconds);
}
