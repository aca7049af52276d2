package dev.quarry.runtime.internal;

import java.sql.Connection;

/**
 * Which connection a COPY of this thread holds. While a COPY runs, pgjdbc makes every other use of
 * its connection wait for the COPY to end; when that use comes from the COPY's own input (a map or
 * peek of its stream, or a stream of the same transaction feeding it), the COPY waits for it in turn,
 * and neither ever ends. Whoever is about to use a shared connection asks here first and fails at
 * once instead. Kept per thread and per connection, so it holds for Quarry's transactions and for a
 * framework's (Spring's) alike.
 */
final class CopyGuard {
    /** The COPY running on this thread, and the one it hides when COPYs nest on two connections. */
    private record Running(Connection connection, String method, Running outer) {}

    private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

    private CopyGuard() {}

    /** {@code method} starts a COPY on {@code connection}; pair with {@link #ended()}. */
    static void started(Connection connection, String method) {
        RUNNING.set(new Running(connection, method, RUNNING.get()));
    }

    /** The COPY {@link #started} last on this thread has ended (or failed). */
    static void ended() {
        Running running = RUNNING.get();
        if (running != null && running.outer() != null) {
            RUNNING.set(running.outer());
        } else {
            RUNNING.remove();
        }
    }

    /** The method whose COPY holds {@code connection} on this thread, or {@code null}. */
    static String copying(Connection connection) {
        for (Running running = RUNNING.get(); running != null; running = running.outer()) {
            if (running.connection() == connection) {
                return running.method();
            }
        }
        return null;
    }
}
