package dev.quarry.spring;

import dev.quarry.runtime.Database;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Makes the auto-configured {@link Database} observe its calls on the application's Micrometer
 * registry. A bean only when Micrometer is on the class path (see {@link QuarryAutoConfiguration});
 * this type names nothing of Micrometer's, so the auto-configuration loads without it.
 */
public interface ObservedDatabases {
    /** The database over {@code dataSource} joining {@code manager}'s transactions; observed when there is a registry. */
    Database database(DataSource dataSource, PlatformTransactionManager manager);
}
