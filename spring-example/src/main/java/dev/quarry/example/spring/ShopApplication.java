package dev.quarry.example.spring;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresServer;
import dev.quarry.testing.TestDatabase;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Spring Boot service with Quarry and no Quarry configuration: quarry-spring makes the
 * {@link Shop} repository a bean over Boot's {@code DataSource}, and its calls take part in Spring's
 * transactions. Starts an embedded PostgreSQL, prints what it does, and stops it.
 *
 * <pre>
 * mvn -q -DskipTests -pl spring-example -am package exec:java
 * </pre>
 */
@SpringBootApplication(proxyBeanMethods = false)
public class ShopApplication {
    static final String SCHEMA = """
            CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, spent numeric(10, 2) NOT NULL DEFAULT 0);
            CREATE TABLE purchases (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers,
                                    total numeric(10, 2) NOT NULL);
            """;

    public static void main(String[] args) {
        PostgresServer server = PostgresServer.shared();
        TestDatabase database = server.createDatabase("spring_example");
        try {
            database.execute(SCHEMA);
            run(database, System.out);
        } finally {
            server.dropDatabase(database);
            server.stop();
        }
    }

    /** Starts the application on {@code database}, runs the demonstration, and closes the application. */
    static void run(TestDatabase database, PrintStream out) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
                .properties("spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.user(),
                        "spring.datasource.password=" + database.password(),
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run()) {
            demonstrate(context, out);
        }
    }

    private static void demonstrate(ConfigurableApplicationContext context, PrintStream out) {
        ShopService service = context.getBean(ShopService.class);
        Shop shop = context.getBean(Shop.class);
        Database db = context.getBean(Database.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

        long registered = service.register(List.of(new Customer(1, "ann@example.com"),
                new Customer(2, "bob@example.com"), new Customer(3, "cy@example.com")));
        out.println("registered " + registered + " customers in a Spring @Transactional method");

        service.purchase(1, 1, new BigDecimal("42.50"));
        out.println("purchase 1 committed: purchases " + shop.purchaseCount() + ", ann spent " + shop.spent(1));

        try {
            service.purchase(2, 1, new BigDecimal("900.00"));
        } catch (IllegalArgumentException e) {
            out.println("purchase 2 rolled back (" + e.getMessage() + "): purchases " + shop.purchaseCount()
                    + ", ann spent " + shop.spent(1));
        }

        long[] ids = new long[2];
        db.transaction(() -> {
            ids[0] = shop.transactionId();
            ids[1] = service.transactionId();
            return null;
        });
        out.println("Spring's @Transactional inside db.transaction: "
                + (ids[0] == ids[1] ? "one transaction" : "two transactions"));

        long seen = transaction.execute(status -> {
            service.register(List.of(new Customer(4, "dee@example.com")));
            try (Stream<Customer> customers = shop.customers()) {
                long count = customers.count();
                status.setRollbackOnly();
                return count;
            }
        });
        try (Stream<Customer> customers = shop.customers()) {
            out.println("a stream inside a Spring transaction saw " + seen + " customers, its uncommitted one "
                    + "included; after the rollback there are " + customers.count());
        }

        HikariDataSource pool = (HikariDataSource) context.getBean(DataSource.class);
        out.println("connections still borrowed: " + pool.getHikariPoolMXBean().getActiveConnections());
    }
}
