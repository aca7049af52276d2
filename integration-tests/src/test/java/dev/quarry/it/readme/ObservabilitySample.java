package dev.quarry.it.readme;

import dev.quarry.runtime.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import javax.sql.DataSource;

/** The README's metrics and slow-statement sample. */
final class ObservabilitySample {
    static void setUp(String url, String user, String password, ObservationRegistry observationRegistry,
                      MeterRegistry meterRegistry, DataSource dataSource) {
        Database db = Database.builder()
                .url(url).user(user).password(password)
                .observationRegistry(observationRegistry)      // quarry.query / quarry.transaction
                .meterRegistry(meterRegistry)                  // HikariCP's own pool metrics (hikaricp.connections…)
                .slowQueryThreshold(Duration.ofMillis(500))    // WARN on dev.quarry.sql.slow
                .build();

        // over a DataSource you own (no framework's transactions: null)
        Database owned = Database.of(dataSource, null, observationRegistry);
        db.close();
        owned.close();
    }

    private ObservabilitySample() {}
}
