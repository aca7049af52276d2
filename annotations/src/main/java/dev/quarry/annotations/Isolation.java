package dev.quarry.annotations;

/**
 * Transaction isolation levels, used by {@code Database.transaction(Isolation, ...)}.
 *
 * <pre>{@code
 * db.transaction(Isolation.SERIALIZABLE, 3, () -> transfer(from, to, amount));
 * }</pre>
 */
public enum Isolation {
    /** Keep the session's default level (PostgreSQL's default is READ COMMITTED). */
    DEFAULT,
    READ_COMMITTED,
    REPEATABLE_READ,
    SERIALIZABLE
}
