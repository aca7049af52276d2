package dev.quarry.it.tx;

import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import java.util.concurrent.CompletableFuture;

/** Statements whose echo on {@code dev.quarry.sql} is checked: in a transaction and on the executor. */
@Repository
public interface Echoed {
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    @Query("SELECT count(*) FROM entry WHERE note = :note OR octet_length(:payload) > 0")
    long countNote(String note, byte[] payload);

    @Query("SELECT length(:note)")
    CompletableFuture<Integer> lengthAsync(String note);
}
