package dev.quarry.it.tx;

import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Generated statements and {@code @Transactional} methods of an abstract repository class that
 * call them and each other. Hooks ({@link Runnable} parameters) let tests line threads up.
 */
@Repository
public abstract class Ledger {
    @Query("SELECT value FROM counter WHERE id = :id")
    abstract int counterValue(int id);

    @Query("UPDATE counter SET value = :value WHERE id = :id")
    abstract int setCounter(int id, int value);

    @Query("INSERT INTO entry (id, note) VALUES (:id, :note)")
    abstract int insert(int id, String note);

    @Query("SELECT id FROM entry WHERE id BETWEEN :from AND :to ORDER BY id")
    abstract List<Integer> idsBetween(int from, int to);

    @Query("SELECT note FROM entry WHERE id = :id")
    abstract Optional<String> note(int id);

    /** Assigns a transaction id if there is none yet, so two calls in one transaction agree. */
    @Query("SELECT txid_current()")
    abstract long transactionId();

    @Query("SELECT current_setting('transaction_isolation')")
    abstract String isolation();

    @Query("SELECT current_setting('transaction_read_only')")
    abstract String readOnlySetting();

    @Transactional(isolation = Isolation.SERIALIZABLE)
    @Query("SELECT current_setting('transaction_isolation')")
    abstract String serializableIsolation();

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    @Query("SELECT current_setting('transaction_isolation')")
    abstract String repeatableReadIsolation();

    @Transactional(isolation = Isolation.READ_COMMITTED)
    @Query("SELECT current_setting('transaction_isolation')")
    abstract String readCommittedIsolation();

    @Transactional(readOnly = true)
    @Query("INSERT INTO entry (id, note) VALUES (:id, 'read only')")
    abstract int insertReadOnly(int id);

    /** Reads the counter, runs the hook, writes what it read plus one; returns what it read. */
    @Transactional(isolation = Isolation.SERIALIZABLE)
    public int increment(int id, Runnable afterRead) {
        return readAndWrite(id, afterRead);
    }

    @Transactional(isolation = Isolation.SERIALIZABLE, retries = 5)
    public int incrementWithRetries(int id, Runnable afterRead) {
        return readAndWrite(id, afterRead);
    }

    private int readAndWrite(int id, Runnable afterRead) {
        int seen = counterValue(id);
        afterRead.run();
        setCounter(id, seen + 1);
        return seen;
    }

    /** Writes, then fails with {@code failure}. */
    @Transactional
    public void insertThenFail(int id, RuntimeException failure) {
        insert(id, "doomed");
        throw failure;
    }

    /** Writes, then throws {@code failure}, one of the checked exceptions it declares. */
    @Transactional
    public void insertThenThrow(int id, Exception failure) throws IOException, TimeoutException {
        insert(id, "doomed");
        if (failure instanceof IOException cause) {
            throw cause;
        }
        throw (TimeoutException) failure;
    }

    /** Writes and calls another {@code @Transactional} method; returns both transaction ids. */
    @Transactional
    public long[] transfer(int debit, int credit) {
        long outer = transactionId();
        insert(debit, "debit");
        long inner = audit(credit);
        return new long[] {outer, inner};
    }

    @Transactional
    public long audit(int id) {
        insert(id, "audit");
        return transactionId();
    }

    /** As {@link #transfer}, then fails after the inner method returned. */
    @Transactional
    public void transferThenFail(int debit, int credit) {
        transfer(debit, credit);
        throw new IllegalStateException("after the inner method");
    }

    /** Catches the failure of a joined method and carries on: there is no savepoint to roll back to. */
    @Transactional
    public String carryOnAfterInnerFailure(int outerId, int innerId) {
        insert(outerId, "outer");
        try {
            insertThenFail(innerId, new IllegalStateException("inner failed"));
            return "inner did not fail";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public String serializableInsideReadCommitted(int id) {
        insert(id, "before the stricter method");
        return serializableIsolation();
    }

    @Transactional
    public String repeatableReadInsideDefault() {
        return repeatableReadIsolation();
    }

    /** A weaker level inside a stricter transaction joins it as it is. */
    @Transactional(isolation = Isolation.SERIALIZABLE)
    public String readCommittedInsideSerializable() {
        return readCommittedIsolation() + "/" + isolation();
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public String isolationInsideRepeatableRead() {
        return isolation();
    }

    @Transactional(readOnly = true)
    public int writeInReadOnlyMethod(int id) {
        return insert(id, "written in a read-only method");
    }

    @Transactional(readOnly = true)
    public String readOnlyState() {
        return readOnlySetting();
    }

    /** A read-write {@code @Transactional} method cannot join a read-only transaction. */
    @Transactional(readOnly = true)
    public long readWriteInsideReadOnly(int id) {
        return audit(id);
    }
}
