package dev.quarry.runtime.internal;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a database does around each repository call when asked to: an observation per call
 * (Micrometer, when a registry is given) and a WARN on {@code dev.quarry.sql.slow} for each
 * statement slower than a threshold, naming the method, the SQL, rows and time but never the
 * bound values. A database without either has none, and its calls pay one null check.
 */
public final class Instruments {
    static final Logger SLOW = LoggerFactory.getLogger("dev.quarry.sql.slow");

    /** {@code null} without an observation registry. */
    final Tracing tracing;
    /** 0: no slow-statement log. */
    private final long slowNanos;

    private Instruments(Tracing tracing, Duration slowThreshold) {
        this.tracing = tracing;
        this.slowNanos = slowThreshold == null ? 0 : slowThreshold.toNanos();
    }

    /**
     * @param observationRegistry an {@code io.micrometer.observation.ObservationRegistry}, or {@code null}
     * @param slowThreshold statements slower than this are logged; {@code null} for none
     * @return {@code null} when there is nothing to do
     */
    public static Instruments of(Object observationRegistry, Duration slowThreshold) {
        if (observationRegistry == null && slowThreshold == null) {
            return null;
        }
        // the Micrometer class is loaded here, and only here, when there is a registry to report to
        Tracing tracing = observationRegistry == null
                ? null : dev.quarry.runtime.internal.micrometer.ObservationTracing.of(observationRegistry);
        return new Instruments(tracing, slowThreshold);
    }

    Tracing.Span start(String name, String method) {
        return tracing == null ? null : tracing.start(name, method);
    }

    /** A statement of {@code method} is done; logs it when it took longer than the threshold. */
    void statement(String method, String sql, long rows, long startNanos) {
        if (slowNanos == 0) {
            return;
        }
        long took = System.nanoTime() - startNanos;
        if (took > slowNanos && SLOW.isWarnEnabled()) {
            SLOW.warn("{} took {} ms, over the {} ms threshold ({} rows): {}", method,
                    String.format(Locale.ROOT, "%.1f", took / 1_000_000.0),
                    String.format(Locale.ROOT, "%.1f", slowNanos / 1_000_000.0), rows, sql);
        }
    }
}
