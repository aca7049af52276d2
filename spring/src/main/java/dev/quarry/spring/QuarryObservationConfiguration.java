package dev.quarry.spring;

import dev.quarry.runtime.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@link ObservationRegistry} (Spring Boot's, which Actuator's metrics and any
 * configured tracer listen to) observes Quarry's calls. Without one, a {@link MeterRegistry} still
 * gets a timer per repository method. Imported only when Micrometer is on the class path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
class QuarryObservationConfiguration {
    @Bean
    ObservedDatabases quarryObservedDatabases(ObjectProvider<ObservationRegistry> observations,
                                              ObjectProvider<MeterTimers> timers) {
        return (dataSource, manager) -> {
            ObservationRegistry registry = observations.getIfUnique();
            if (registry == null) {
                MeterTimers meters = timers.getIfAvailable();
                registry = meters == null ? null : meters.registry();
            }
            return registry == null
                    ? QuarryConfiguration.database(dataSource, manager)
                    : Database.of(dataSource, new SpringTransactions(dataSource, manager), registry);
        };
    }

    /** A registry whose observations a {@link MeterRegistry} times, for an application with meters but no observations. */
    interface MeterTimers {
        ObservationRegistry registry();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Meters {
        @Bean
        MeterTimers quarryMeterTimers(ObjectProvider<MeterRegistry> meters) {
            return () -> {
                MeterRegistry registry = meters.getIfUnique();
                if (registry == null) {
                    return null;
                }
                ObservationRegistry observations = ObservationRegistry.create();
                observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
                return observations;
            };
        }
    }
}
