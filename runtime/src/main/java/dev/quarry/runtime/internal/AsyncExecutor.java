package dev.quarry.runtime.internal;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
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

    /** Records the connection a call borrowed, so that a cancel can reach its statement. */
    static void borrowed(Connection connection) {
        Call<?> call = RUNNING.get();
        if (call != null) {
            call.connection = connection;
        }
    }

    static void returned(Connection connection) {
        Call<?> call = RUNNING.get();
        if (call != null && call.connection == connection) {
            call.connection = null;
        }
    }

    void close() {
        executor.shutdown();
    }

    /** A future whose {@code cancel} also cancels the statement running for it. */
    private static final class Call<T> extends CompletableFuture<T> {
        private volatile Connection connection;

        void run(Supplier<T> work) {
            if (isDone()) {
                return;
            }
            RUNNING.set(this);
            try {
                complete(work.get());
            } catch (Throwable t) {
                completeExceptionally(t);
            } finally {
                RUNNING.remove();
                connection = null;
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Connection running = connection;
            if (cancelled && running != null) {
                try {
                    running.unwrap(PGConnection.class).cancelQuery();
                } catch (SQLException e) {
                    LOG.warn("cancelling the running statement failed", e);
                }
            }
            return cancelled;
        }
    }
}
