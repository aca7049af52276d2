package dev.quarry.it.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.runtime.NoResultException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an application's meter registry shows: a timer per repository method, and the pool's own gauges. */
@PostgresTest
class MetersTest {
    @Test
    void timersPerRepositoryMethodAndPoolGauges(TestDatabase database) {
        database.execute(Entry.DDL);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

        try (Database db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(3)
                .observationRegistry(observations)
                .meterRegistry(meters)
                .build()) {
            Watched repo = db.repository(Watched.class);
            repo.addAll(List.of(new Entry(1, "one"), new Entry(2, "two")));
            assertEquals(Optional.of("one"), repo.label(1));
            assertEquals(Optional.of("two"), repo.label(2));
            assertThrows(NoResultException.class, () -> repo.labelOf(3));

            Timer labels = meters.get("quarry.query")
                    .tags("repository", "Watched", "method", "label", "outcome", "success").timer();
            assertEquals(2, labels.count());
            assertTrue(labels.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
            assertEquals(1, meters.get("quarry.query")
                    .tags("repository", "Watched", "method", "labelOf", "outcome", "NoResultException").timer().count());
            assertEquals(1, meters.get("quarry.query")
                    .tags("repository", "Watched", "method", "addAll", "outcome", "success").timer().count());

            // HikariCP's own metrics, on the pool the builder made
            assertEquals(3.0, meters.get("hikaricp.connections.max").tag("pool", "quarry").gauge().value());
            assertEquals(0.0, meters.get("hikaricp.connections.active").tag("pool", "quarry").gauge().value());
            assertTrue(meters.get("hikaricp.connections.acquire").tag("pool", "quarry").timer().count() >= 4);
        }
    }
}
