package dev.quarry.spring;

import dev.quarry.runtime.Database;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Quarry in a plain Spring application (no Boot): a {@link Database} over the context's
 * {@code DataSource} that joins Spring's transactions, and every generated repository as a bean.
 * With Micrometer, the context's {@code ObservationRegistry} (or {@code MeterRegistry}) observes every call.
 *
 * <pre>{@code
 * @Configuration
 * @Import(QuarryConfiguration.class)
 * class AppConfig { … }
 * }</pre>
 *
 * <p>Spring Boot applications need nothing: {@link QuarryAutoConfiguration} does the same.
 */
@Configuration(proxyBeanMethods = false)
@Import({QuarryRepositoriesRegistrar.class, QuarryObservationConfiguration.class})
public class QuarryConfiguration {
    /**
     * The database, closed with the context (which stops its executor of {@code CompletableFuture}
     * methods; the data source stays Spring's). Transactions Quarry begins go through the context's
     * transaction manager, or a {@link DataSourceTransactionManager} of its own when there is none.
     */
    @Bean
    public Database quarryDatabase(DataSource dataSource, ObjectProvider<PlatformTransactionManager> managers,
                                   ObjectProvider<ObservedDatabases> observed) {
        return database(dataSource, managers, observed);
    }

    /**
     * The database both configurations make: joining the context's transaction manager (or one of its
     * own), observed on the context's Micrometer registry when there is one.
     */
    static Database database(DataSource dataSource, ObjectProvider<PlatformTransactionManager> managers,
                             ObjectProvider<ObservedDatabases> observed) {
        PlatformTransactionManager manager = managers.getIfUnique(() -> new DataSourceTransactionManager(dataSource));
        ObservedDatabases databases = observed.getIfAvailable();
        return databases == null ? database(dataSource, manager) : databases.database(dataSource, manager);
    }

    /** A {@link Database} over {@code dataSource} that joins the transactions {@code manager} runs on it. */
    public static Database database(DataSource dataSource, PlatformTransactionManager manager) {
        return Database.of(dataSource, new SpringTransactions(dataSource, manager));
    }
}
