package dev.quarry.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.spring.app.Note;
import dev.quarry.spring.app.Notes;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The application's Micrometer registries, when it has them, see Quarry's calls without configuration. */
@PostgresTest
class QuarryObservationsTest {
    private static TestDatabase database;

    @BeforeAll
    static void schema(TestDatabase testDatabase) {
        database = testDatabase;
        database.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)");
    }

    private static ConfigurableApplicationContext run(Class<?>... configurations) {
        Class<?>[] sources = java.util.Arrays.copyOf(configurations, configurations.length + 1);
        sources[configurations.length] = QuarryOnly.class;
        return new SpringApplicationBuilder(sources).properties("spring.main.banner-mode=off").run();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(QuarryAutoConfiguration.class)
    static class QuarryOnly {}

    @Configuration(proxyBeanMethods = false)
    static class Source {
        @Bean
        DataSource dataSource() {
            return database.dataSource();
        }
    }

    /** Contexts of the observations that stopped, as a tracer or metrics handler would see them. */
    static final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    @Configuration(proxyBeanMethods = false)
    static class Observations {
        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context context) {
                    stopped.add(context);
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            });
            return registry;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void theApplicationsObservationRegistryObservesEveryRepositoryCall() {
        stopped.clear();
        try (ConfigurableApplicationContext context = run(Source.class, Observations.class)) {
            Notes notes = context.getBean(Notes.class);
            database.execute("TRUNCATE notes");
            notes.addAll(List.of(new Note(1, "one"), new Note(2, "two")));
            assertEquals(2, notes.all().size());

            List<String> calls = stopped.stream().filter(c -> c.getName().equals("quarry.query"))
                    .map(c -> c.getLowCardinalityKeyValue("repository").getValue() + "."
                            + c.getLowCardinalityKeyValue("method").getValue() + " "
                            + c.getLowCardinalityKeyValue("outcome").getValue())
                    .toList();
            assertEquals(List.of("Notes.addAll success", "Notes.all success"), calls);
        }
    }

    @Test
    void aMeterRegistryAloneGetsATimerPerRepositoryMethod() {
        try (ConfigurableApplicationContext context = run(Source.class, Meters.class)) {
            Notes notes = context.getBean(Notes.class);
            database.execute("TRUNCATE notes");
            notes.add(1, "one");
            notes.all();
            notes.all();

            SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
            assertEquals(2, meters.get("quarry.query").tags("repository", "Notes", "method", "all", "outcome", "success")
                    .timer().count());
            assertEquals(1, meters.get("quarry.query").tags("method", "add").timer().count());
        }
    }

    @Test
    void plainSpringsImportObservesOnTheContextsRegistryToo() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(Source.class, Meters.class, PlainApplication.class);
            context.refresh();
            database.execute("TRUNCATE notes");
            context.getBean(Notes.class).add(1, "one");
            assertEquals(1, context.getBean(Notes.class).all().size());
            SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
            assertEquals(1, meters.get("quarry.query").tags("repository", "Notes", "method", "all", "outcome", "success")
                    .timer().count());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(QuarryConfiguration.class)
    static class PlainApplication {}

    @Test
    void withoutRegistriesNothingIsObserved() {
        try (ConfigurableApplicationContext context = run(Source.class)) {
            database.execute("TRUNCATE notes");
            context.getBean(Notes.class).add(1, "one");
            assertEquals(1, context.getBean(Notes.class).all().size());
            assertTrue(context.getBeansOfType(ObservationRegistry.class).isEmpty());
            assertNull(context.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class).getIfAvailable());
        }
    }
}
