package dev.quarry.it.reliability;

import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;

/** A repository class whose own method runs several statements in one transaction. */
@Repository
public abstract class Ledger {
    @Query("INSERT INTO entries (id, label, amount) VALUES (:id, :label, :amount)")
    abstract int add(long id, String label, int amount);

    @Transactional(isolation = Isolation.SERIALIZABLE, retries = 2)
    public int addPair(long id) {
        return add(id, "first of a pair", 1) + add(id + 1, "second of a pair", 2);
    }
}
