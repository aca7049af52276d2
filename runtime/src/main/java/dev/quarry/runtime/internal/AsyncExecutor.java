package dev.quarry.runtime.internal;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code CompletableFuture} methods of a database: on virtual threads when the JVM has
 * them (Java 21+), otherwise on a bounded pool as large as the connection pool, since more
 * threads than connections would only wait for one. Cancelling a future cancels the statement
 * its call is running, through PostgreSQL's cancel request.
 */
final class AsyncExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncExecutor.class);

    /** The call running on this thread, so that the connection it borrows can be cancelled. */
    private static final ThreadLocal<Call<?>> RUNNING = new ThreadLocal<>();
    /** Calls running now, in every database: while 0, a borrow or return skips the lookup above. */
    private static final AtomicInteger RUNNING_CALLS = new AtomicInteger();

    private final ExecutorService executor;

    AsyncExecutor(int threads) {
        this.executor = create(threads);
    }

    private static ExecutorService create(int threads) {
        try {
            Method virtual = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) virtual.invoke(null);
        } catch (ReflectiveOperationException e) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = task -> {
                Thread thread = new Thread(task, "quarry-async-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), factory);
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    <T> CompletableFuture<T> submit(Supplier<T> work) {
        Call<T> call = new Call<>();
        executor.execute(() -> call.run(work));
        return call;
    }

    /**
     * Records the connection a call borrowed, so that a cancel can reach its statement; throws
     * {@link CancellationException} when the call was cancelled already, before it had a statement
     * to cancel.
     */
    static void borrowed(Connection connection) {
        Call<?> call = RUNNING_CALLS.get() == 0 ? null : RUNNING.get();
        if (call != null) {
            // set before looking at the call's state, which cancel() sets before reading this:
            // either the cancel sees the connection or this thread sees the cancel
            call.connection = connection;
            if (call.isCancelled()) {
                call.connection = null;
                throw new CancellationException("the call was cancelled before its statement ran");
            }
        }
    }

    static void returned(Connection connection) {
        Call<?> call = RUNNING_CALLS.get() == 0 ? null : RUNNING.get();
        if (call != null) {
            call.forget(connection);
        }
    }

    void close() {
        executor.shutdown();
    }

    /** A future whose {@code cancel} also cancels the statement running for it. */
    private static final class Call<T> extends CompletableFuture<T> {
        /** How long a cancelled call is chased: cancel requests every 50 ms for up to 10 s. */
        private static final int CANCEL_ATTEMPTS = 200;
        private static final long CANCEL_INTERVAL_MILLIS = 50;

        private final Object cancelling = new Object();
        private volatile Connection connection;

        void run(Supplier<T> work) {
            if (isDone()) {
                return;
            }
            RUNNING_CALLS.incrementAndGet();
            RUNNING.set(this);
            try {
                complete(work.get());
            } catch (Throwable t) {
                completeExceptionally(t);
            } finally {
                RUNNING.remove();
                RUNNING_CALLS.decrementAndGet();
                connection = null;
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Connection running = connection;
            if (cancelled && running != null) {
                // A cancel request that arrives between statements is ignored by the server, and the
                // call may be about to send one; keep asking while the call still holds the connection.
                Thread canceller = new Thread(() -> cancelWhileHeld(running), "quarry-cancel");
                canceller.setDaemon(true);
                canceller.start();
            }
            return cancelled;
        }

        /**
         * Stops cancels for {@code returned}; waits for one being sent, so that none can reach
         * whatever the pool's next borrower runs on the same server session.
         */
        void forget(Connection returned) {
            synchronized (cancelling) {
                if (connection == returned) {
                    connection = null;
                }
            }
        }

        private void cancelWhileHeld(Connection running) {
            for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
                synchronized (cancelling) {
                    if (connection != running) {
                        return;
                    }
                    try {
                        running.unwrap(PGConnection.class).cancelQuery();
                    } catch (SQLException e) {
                        LOG.warn("cancelling the running statement failed", e);
                        return;
                    }
                }
                try {
                    Thread.sleep(CANCEL_INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
