package dev.quarry.runtime.internal.micrometer;

import dev.quarry.runtime.internal.Tracing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Calls as Micrometer {@link Observation}s: low-cardinality {@code repository}, {@code method} and
 * {@code outcome} (metrics keep them as tags), high-cardinality {@code sql}, {@code rows} and, for a
 * transaction, {@code attempts} (traces keep them). The only class besides {@link PoolMetrics} that
 * names Micrometer; it is loaded only when a registry is given.
 */
public final class ObservationTracing implements Tracing {
    private final ObservationRegistry registry;

    private ObservationTracing(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** @param registry an {@code io.micrometer.observation.ObservationRegistry} */
    public static Tracing of(Object registry) {
        return new ObservationTracing((ObservationRegistry) Objects.requireNonNull(registry, "observationRegistry"));
    }

    @Override
    public Span start(String name, String method) {
        Observation observation = Observation.createNotStarted(name, registry);
        if (observation.isNoop()) {
            return NoSpan.INSTANCE;
        }
        int dot = method == null ? -1 : method.lastIndexOf('.');
        observation.lowCardinalityKeyValue("repository", dot < 0 ? "none" : method.substring(0, dot))
                .lowCardinalityKeyValue("method", method == null ? "none" : method.substring(dot + 1))
                .contextualName(method == null ? name : method)
                .start();
        return new ObservationSpan(observation);
    }

    @Override
    public <T> Supplier<T> propagate(Supplier<T> work) {
        Observation parent = registry.getCurrentObservation();
        if (parent == null) {
            return work;
        }
        return () -> {
            try (Observation.Scope ignored = parent.openScope()) {
                return work.get();
            }
        };
    }

    private static final class ObservationSpan implements Span {
        private final Observation observation;

        ObservationSpan(Observation observation) {
            this.observation = observation;
        }

        @Override
        public Scope openScope() {
            Observation.Scope scope = observation.openScope();
            return scope::close;
        }

        @Override
        public void stop(String outcome, Throwable failure, String sql, long rows, int attempts) {
            observation.lowCardinalityKeyValue("outcome", outcome);
            if (sql != null) {
                observation.highCardinalityKeyValue("sql", sql);
            }
            if (rows >= 0) {
                observation.highCardinalityKeyValue("rows", Long.toString(rows));
            }
            if (attempts > 0) {
                observation.highCardinalityKeyValue("attempts", Integer.toString(attempts));
            }
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }

    private enum NoSpan implements Span {
        INSTANCE;

        @Override
        public Scope openScope() {
            return () -> { };
        }

        @Override
        public void stop(String outcome, Throwable failure, String sql, long rows, int attempts) {
        }
    }
}
