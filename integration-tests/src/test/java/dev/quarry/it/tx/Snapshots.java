package dev.quarry.it.tx;

import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;

/** {@code @Transactional} on an interface: every method runs in a REPEATABLE READ transaction unless it says otherwise. */
@Repository
@Transactional(isolation = Isolation.REPEATABLE_READ)
public interface Snapshots {
    @Query("SELECT current_setting('transaction_isolation')")
    String isolation();

    @Transactional(isolation = Isolation.SERIALIZABLE)
    @Query("SELECT current_setting('transaction_isolation')")
    String serializable();
}
