package dev.quarry.runtime;

import java.time.Duration;

/**
 * Thrown when no pooled connection came free within the pool's {@code connectionTimeout}: every
 * connection stayed in use (open streams, long transactions, more concurrent calls than
 * {@code maximumPoolSize}). A server that cannot be reached is a plain {@link DataException}
 * carrying the connection failure instead.
 *
 * <pre>{@code
 * try {
 *     orders.recent(userId);
 * } catch (PoolTimeoutException e) {
 *     log.warn("all {} connections busy for {}", e.maximumPoolSize(), e.connectionTimeout());
 * }
 * }</pre>
 */
public class PoolTimeoutException extends DataException {
    private static final long serialVersionUID = 1L;

    private final int maximumPoolSize;
    private final Duration connectionTimeout;

    public PoolTimeoutException(String message, String method, int maximumPoolSize, Duration connectionTimeout,
                                Throwable cause) {
        super(message, null, null, method, cause);
        this.maximumPoolSize = maximumPoolSize;
        this.connectionTimeout = connectionTimeout;
    }

    /** The size of the pool that was exhausted. */
    public int maximumPoolSize() {
        return maximumPoolSize;
    }

    /** How long the call waited for a connection. */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }
}
