package dev.quarry.it.tx;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;

/** A repository interface whose default methods combine its generated ones in a transaction. */
@Repository
public interface Journal {
    @Query("INSERT INTO entry (id, note) VALUES (:id, :note)")
    int insert(int id, String note);

    @Query("SELECT count(*) FROM entry WHERE id BETWEEN :from AND :to")
    long countBetween(int from, int to);

    /** Both entries or neither. */
    @Transactional
    default void insertPair(int first, int second) {
        insert(first, "first of a pair");
        insert(second, "second of a pair");
    }

    /** Writes, then refuses with a checked exception its callers are told to expect. */
    @Transactional
    default long insertThenRefuse(int id, String reason) throws RefusedException {
        insert(id, "refused");
        throw new RefusedException(reason);
    }

    final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }
}
