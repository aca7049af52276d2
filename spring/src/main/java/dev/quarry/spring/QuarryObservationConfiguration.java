package dev.quarry.spring;

import dev.quarry.runtime.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * The application's {@link ObservationRegistry} (Spring Boot's, which Actuator's metrics and any
 * configured tracer listen to) observes Quarry's calls. Without one, a {@link MeterRegistry} still
 * gets a timer per repository method. Its beans exist only when Micrometer is on the class path; its
 * conditions are Spring's own, so plain Spring applications ({@link QuarryConfiguration}) get it too.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(QuarryObservationConfiguration.ObservationsPresent.class)
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
    @Conditional(MetersPresent.class)
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

    /** Micrometer's observation API is on the class path (Spring Framework 6 brings it). */
    static final class ObservationsPresent implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return ClassUtils.isPresent("io.micrometer.observation.ObservationRegistry", context.getClassLoader());
        }
    }

    /** Micrometer's meters are on the class path. */
    static final class MetersPresent implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", context.getClassLoader());
        }
    }
}
