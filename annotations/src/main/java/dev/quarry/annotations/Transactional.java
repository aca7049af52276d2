package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a repository method in its own transaction, or joins the caller's. On a type, every
 * generated method, every overridable concrete method of an abstract repository class and every
 * default method of a repository interface.
 *
 * <pre>{@code
 * @Repository
 * public abstract class Accounts {
 *     @Query("UPDATE accounts SET balance = balance + :delta WHERE id = :id")
 *     abstract int add(long id, BigDecimal delta);
 *
 *     @Transactional(isolation = Isolation.SERIALIZABLE, retries = 3)
 *     public void transfer(long from, long to, BigDecimal amount) {
 *         add(from, amount.negate());
 *         add(to, amount);
 *     }
 * }
 * }</pre>
 *
 * <p>A new transaction commits when the method returns and rolls back when it throws. With
 * {@code retries}, a serialization failure (40001) or deadlock (40P01) runs the whole method again,
 * up to that many times, after a short jittered pause; so does a read-only method that a replica
 * cancelled for a conflict with recovery (also 40001), on a new connection and a fresh snapshot.
 * Joining a transaction that is already open keeps its settings; asking for a stricter isolation
 * level than it has is a {@code DataException}. A checked exception the method declares reaches the
 * caller as it was thrown, after the rollback.
 *
 * <p>A method returning a {@code Stream} is read after it returns, so a transaction around the
 * call would be over before the rows are: on such a method the annotation is a compile error, and
 * on a type it leaves streams alone. A stream reads in its own transaction, or in the caller's when
 * it is opened inside {@code db.transaction(...)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Transactional {
    Isolation isolation() default Isolation.DEFAULT;

    /** Start the transaction READ ONLY: PostgreSQL rejects writes and can skip some bookkeeping. */
    boolean readOnly() default false;

    /** How many times to run the method again after a serialization failure or deadlock. */
    int retries() default 0;
}
