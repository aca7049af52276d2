package dev.quarry.runtime.internal.micrometer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/** HikariCP's own Micrometer metrics for a pool the database builds; loaded only when a meter registry is given. */
public final class PoolMetrics {
    private PoolMetrics() {}

    /** @param registry an {@code io.micrometer.core.instrument.MeterRegistry} */
    public static void bind(HikariConfig config, Object registry) {
        config.setMetricsTrackerFactory(
                new MicrometerMetricsTrackerFactory((MeterRegistry) Objects.requireNonNull(registry, "meterRegistry")));
    }
}
