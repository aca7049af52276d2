package dev.quarry.runtime.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repository call of a database with {@link Instruments}: its observation, the SQL and rows
 * of its statements, and how it ended. Generated code only calls {@code acquire} and
 * {@code release}, so a call on a thread's stack learns what happened in between from hooks:
 * {@link SqlLog#executed} (a statement ran) and {@code DataException}'s constructor (it failed).
 * A stream's call is never on a stack: it lives between its caller's statements.
 */
public final class Call {
    private static final Logger LOG = LoggerFactory.getLogger(Call.class);
    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();
    /** Calls on any thread's stack now: while 0 the hooks cost one read, and never look a thread up. */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final Instruments instruments;
    private final String method;
    private final Tracing.Span span;
    private Tracing.Scope scope;
    private Call outer;
    private boolean onStack;
    /** Calls of the same method entered again on this thread (a bulk write's own acquire). */
    private int depth;
    private String sql;
    private long rows;
    private boolean succeeded;
    private Throwable failure;
    private boolean ended;

    private Call(Instruments instruments, String method) {
        this.instruments = instruments;
        this.method = method;
        this.span = instruments.start("quarry.query", method);
    }

    /** Enters a call of {@code method} on this thread; the same method of the same database entered again is the same call. */
    static Call enter(Instruments instruments, String method) {
        Call top = OPEN.get() == 0 ? null : CURRENT.get();
        if (top != null && top.instruments == instruments && top.method.equals(method)) {
            top.depth++;
            return top;
        }
        Call call = new Call(instruments, method);
        call.outer = top;
        call.onStack = true;
        OPEN.incrementAndGet();
        CURRENT.set(call);
        if (call.span != null) {
            call.scope = call.span.openScope();
        }
        return call;
    }

    /** A call that stays off the thread's stack: a stream's, ended by {@link #end}. */
    static Call detached(Instruments instruments, String method) {
        return new Call(instruments, method);
    }

    /** Leaves this thread's innermost call of {@code instruments}' database, ending it unless it was entered again. */
    static void leave(Instruments instruments) {
        Call top = OPEN.get() == 0 ? null : CURRENT.get();
        if (top != null && top.instruments == instruments) {
            top.exit();
        }
    }

    /** As {@link #leave}, for this call. */
    void exit() {
        if (depth > 0) {
            depth--;
            return;
        }
        end(null);
    }

    /** Hook: a statement of {@code method} ran on this thread. */
    static void executed(String method, String sql, long rows, long startNanos) {
        if (OPEN.get() == 0) {
            return;
        }
        Call top = CURRENT.get();
        if (top != null && top.method.equals(method)) {
            top.statement(sql, rows, startNanos);
        }
    }

    /** Hook: a {@code DataException} of {@code method} was made on this thread; the first one is the call's outcome. */
    public static void failed(RuntimeException failure, String method, String sql) {
        if (OPEN.get() == 0 || method == null) {
            return;
        }
        Call top = CURRENT.get();
        if (top != null && top.failure == null && top.method.equals(method)) {
            top.failure = failure;
            if (top.sql == null) {
                top.sql = sql;
            }
        }
    }

    void statement(String sql, long rows, long startNanos) {
        if (this.sql == null) {
            this.sql = sql;
        }
        this.rows += rows;
        this.succeeded = true;
        instruments.statement(method, sql, rows, startNanos);
    }

    /** The call returned normally, whether or not it ran a statement (an empty bulk write runs none). */
    void succeeded() {
        succeeded = true;
    }

    /** Ends the call with {@code thrown}, what it threw ({@code null}: what the hooks saw). */
    void end(Throwable thrown) {
        if (ended) {
            return;
        }
        ended = true;
        if (onStack) {
            if (scope != null) {
                scope.close();
            }
            Call top = CURRENT.get();
            if (top == this) {
                if (outer == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(outer);
                }
            }
            OPEN.decrementAndGet();
        }
        if (thrown != null) {
            failure = thrown;
        }
        if (span == null) {
            return;
        }
        // a call that neither ran a statement to its end nor made a DataException threw something else
        String outcome = failure != null ? failure.getClass().getSimpleName() : succeeded ? "success" : "unknown";
        try {
            span.stop(outcome, failure, sql, rows, 0);
        } catch (RuntimeException | LinkageError e) {
            // the statement's outcome is decided; a failing observation handler must not change it
            LOG.warn("{}: ending its observation failed", method, e);
        }
    }
}
