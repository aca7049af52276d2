package dev.quarry.runtime.internal;

import java.util.function.Supplier;

/**
 * Where a database reports its calls: Micrometer's {@code Observation}s behind it, though nothing
 * here names Micrometer, so that this type loads on a class path without it.
 */
public interface Tracing {
    /** Observes one call: {@code quarry.query} or {@code quarry.transaction}; {@code method} may be {@code null}. */
    Span start(String name, String method);

    /** {@code work}, to run on another thread as a child of whatever is observed on this thread now. */
    <T> Supplier<T> propagate(Supplier<T> work);

    /** One observed call, ended exactly once. */
    interface Span {
        /** Makes this span the current one on this thread, until the scope is closed on the same thread. */
        Scope openScope();

        void stop(String outcome, Throwable failure, String sql, long rows, int attempts);
    }

    /** An open scope; closing it cannot fail. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
