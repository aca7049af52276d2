package dev.quarry.it.tx;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;

/** {@code @Transactional(readOnly = true)} on an abstract class: its generated and concrete methods alike. */
@Repository
@Transactional(readOnly = true)
public abstract class Reports {
    @Query("SELECT current_setting('transaction_read_only')")
    abstract String readOnly();

    @Query("INSERT INTO entry (id, note) VALUES (:id, 'report')")
    abstract int insert(int id);

    /** Sets a transaction-local mark and returns it as read back: only one transaction sees it. */
    @Query("SELECT set_config('quarry.mark', :mark, true)")
    abstract String mark(String mark);

    @Query("SELECT coalesce(current_setting('quarry.mark', true), '')")
    abstract String markSeen();

    /** Runs three generated methods; the type's annotation makes them one read-only transaction. */
    public String summary(String mark) {
        return readOnly() + " " + mark(mark) + " " + markSeen();
    }
}
