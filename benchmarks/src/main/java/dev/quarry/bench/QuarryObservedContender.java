package dev.quarry.bench;

import dev.quarry.runtime.Database;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Quarry with an observation registry: every call a {@code quarry.query} observation that a
 * Micrometer timer records, tagged by repository, method and outcome. What observing costs per call.
 */
@State(Scope.Benchmark)
public class QuarryObservedContender {
    private Database db;
    private BenchRepository repository;

    @Setup(Level.Trial)
    public void open(Pool pool) {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        db = Database.of(pool.dataSource(), null, observations);
        repository = db.repository(BenchRepository.class);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    public User user(long id) {
        return repository.user(id);
    }
}
