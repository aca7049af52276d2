package dev.quarry.it.readme;

import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import java.math.BigDecimal;

/** The README's abstract repository class. */
@Repository
public abstract class Accounts {
    @Query("UPDATE accounts SET balance = balance + :delta WHERE id = :id")
    abstract int add(long id, BigDecimal delta);

    @Transactional(isolation = Isolation.SERIALIZABLE, retries = 3)
    public void transfer(long from, long to, BigDecimal amount) throws LimitExceededException {
        add(from, amount.negate());
        add(to, amount);
    }
}
