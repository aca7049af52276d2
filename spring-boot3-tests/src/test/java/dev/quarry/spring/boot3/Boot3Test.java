package dev.quarry.spring.boot3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.SpringVersion;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * quarry-spring, built against Spring Boot 4, in a Spring Boot 3.5 application: Boot 3's
 * auto-configuration picks it up, repositories are beans, and Spring's transactions take Quarry's
 * writes back.
 */
@PostgresTest
class Boot3Test {
    private static TestDatabase database;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start(TestDatabase testDatabase) {
        database = testDatabase;
        database.execute("CREATE TABLE entries (id bigint PRIMARY KEY, body text NOT NULL)");
        context = new SpringApplicationBuilder(Boot3Application.class)
                .properties("spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.user(),
                        "spring.datasource.password=" + database.password(),
                        "spring.datasource.hikari.maximum-pool-size=2",
                        "spring.main.banner-mode=off")
                .run();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @BeforeEach
    void empty() {
        database.execute("TRUNCATE entries");
    }

    private static long rows() {
        return database.queryLong("SELECT count(*) FROM entries");
    }

    @Test
    void runsOnSpringBoot35AndSpringFramework62() {
        assertTrue(SpringBootVersion.getVersion().startsWith("3.5."), SpringBootVersion.getVersion());
        assertTrue(SpringVersion.getVersion().startsWith("6.2."), SpringVersion.getVersion());
    }

    @Test
    void theRepositoryIsABeanOverBootsDataSource() {
        Entries entries = context.getBean(EntryService.class).entries();
        assertSame(context.getBean(Entries.class), entries);
        Database db = context.getBean(Database.class);
        assertSame(db.repository(Entries.class), entries);
        assertSame(context.getBean(DataSource.class), db.dataSource());
        assertTrue(db.dataSource() instanceof HikariDataSource, db.dataSource().getClass().getName());

        entries.add(1, "committed on its own");
        assertEquals(List.of(new Entry(1, "committed on its own")), entries.all());
    }

    @Test
    void aSpringTransactionalRollbackTakesBackQuarrysWrites() {
        EntryService service = context.getBean(EntryService.class);
        assertThrows(IllegalStateException.class, () -> service.write(1, true));
        assertEquals(0, rows());

        service.write(1, false);
        assertEquals(3, rows());
    }

    @Test
    void quarrysTransactionJoinsATransactionTemplates() {
        TransactionTemplate template = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Entries entries = context.getBean(Entries.class);
        Database db = context.getBean(Database.class);
        template.executeWithoutResult(status -> {
            db.transaction(() -> entries.add(1, "joined"));
            assertEquals(1, entries.all().size());
            status.setRollbackOnly();
        });
        assertEquals(0, rows());
    }
}
