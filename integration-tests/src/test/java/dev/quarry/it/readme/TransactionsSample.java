package dev.quarry.it.readme;

import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.Plan;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** The README's transaction, pool and EXPLAIN samples. */
final class TransactionsSample {
    @Repository
    interface Orders {
        @Query("INSERT INTO orders (user_id, total) VALUES (:userId, :total)")
        int create(long userId, BigDecimal total);

        @Query("INSERT INTO orders (user_id, total) SELECT :userId, sum(price) FROM products WHERE id = ANY(:items)")
        int place(long userId, List<Long> items);
    }

    @Repository
    interface Stock {
        @Query("UPDATE stock SET quantity = quantity - :quantity WHERE sku = :sku")
        int take(String sku, int quantity);
    }

    static void transactions(Database db, Orders orders, Stock stock, Accounts accounts, long userId, BigDecimal total,
                             String sku, long from, long to, BigDecimal amount) {
        db.transaction(() -> { orders.create(userId, total); stock.take(sku, 1); return null; });
        db.transaction(Isolation.SERIALIZABLE, 3, () -> accounts.transfer(from, to, amount));
    }

    static Database pool(String secret) {
        Database db = Database.builder()
                .url("jdbc:postgresql://db:5432/shop").user("shop").password(secret)
                .maximumPoolSize(20).minimumIdle(5)
                .connectionTimeout(Duration.ofSeconds(5))       // then PoolTimeoutException
                .idleTimeout(Duration.ofMinutes(5))
                .maxLifetime(Duration.ofMinutes(30))
                .leakDetectionThreshold(Duration.ofSeconds(60)) // logs the stack of the borrower
                .statementTimeout(Duration.ofSeconds(30))       // server-side statement_timeout
                .applicationName("shop-api")                    // seen in pg_stat_activity
                .build();
        return db;
    }

    static void explain(Database db, Orders orders, long userId, List<Long> items) {
        for (Plan plan : db.explain(() -> orders.place(userId, items))) {
            System.out.println(plan.executionTime() + "  " + plan.sql() + "\n" + plan.plan());
        }
    }

    private TransactionsSample() {}
}
