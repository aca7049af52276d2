package dev.quarry.spring;

import dev.quarry.runtime.Database;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Boot auto-configuration: a {@link Database} over the application's {@code DataSource},
 * unless the application defines one, that joins Spring's transactions; and every generated
 * repository as a singleton bean of its repository type. Runs after Boot has made the
 * {@code DataSource} and its transaction manager (Boot 4 and 3 name them differently). With
 * Micrometer, the application's {@code ObservationRegistry} (or {@code MeterRegistry}) observes every call. Two
 * {@code DataSource} beans, neither of them primary, fail the start-up with Spring's own message.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnClass({Database.class, DataSourceTransactionManager.class})
@Import({QuarryRepositoriesRegistrar.class, QuarryObservationConfiguration.class})
public class QuarryAutoConfiguration {
    /** Observed on the application's Micrometer registry when it has one (see {@link QuarryObservationConfiguration}). */
    @Bean
    @ConditionalOnMissingBean
    public Database quarryDatabase(DataSource dataSource, ObjectProvider<PlatformTransactionManager> managers,
                                   ObjectProvider<ObservedDatabases> observed) {
        return QuarryConfiguration.database(dataSource, managers, observed);
    }
}
