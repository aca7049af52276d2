package example.accounts;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

@Repository
public abstract class AccountStore {
    protected AccountStore() {}

    @Query("SELECT balance FROM accounts WHERE id = :id")
    protected abstract Optional<BigDecimal> balance(UUID id);

    @Query("UPDATE accounts SET balance = balance + :amount WHERE id = :id")
    abstract int credit(UUID id, BigDecimal amount);

    public boolean exists(UUID id) {
        return balance(id).isPresent();
    }
}
