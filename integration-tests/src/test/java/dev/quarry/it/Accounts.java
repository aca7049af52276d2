package dev.quarry.it;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;
import java.util.Optional;

/** Statements run inside and outside {@code db.transaction(...)} by {@link TransactionsTest}. */
@Repository
interface Accounts {
    @Query("INSERT INTO account (id, balance) VALUES (:id, :balance)")
    int insert(int id, int balance);

    @Query("SELECT balance FROM account WHERE id = :id")
    Optional<Integer> balanceOf(int id);

    @Query("SELECT id FROM account WHERE id BETWEEN :from AND :to ORDER BY id")
    List<Integer> idsBetween(int from, int to);

    @Query("SELECT current_setting('transaction_isolation')")
    String isolation();

    /** Assigns a transaction id if there is none yet, so two calls in one transaction agree. */
    @Query("SELECT txid_current()")
    long transactionId();

    @Query("SELECT value FROM counter WHERE id = :id")
    int counterValue(int id);

    @Query("UPDATE counter SET value = :value WHERE id = :id")
    int setCounter(int id, int value);
}
