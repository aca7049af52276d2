package dev.quarry.it.relation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.runtime.Database;
import dev.quarry.testing.TestDatabase;

/**
 * The repositories under test on a {@link Database} whose every statement passes the
 * {@link StatementCounter}. A small pool sits below the counter only so that calls do not each
 * start a PostgreSQL backend; counting is the same with or without it.
 */
final class CountedShop implements AutoCloseable {
    final StatementCounter statements;
    final Database db;
    final SelectInShop selectIn;
    final JoinedShop joined;
    final ShopWrites writes;
    private final HikariDataSource pool;

    CountedShop(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.dataSource());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        pool = new HikariDataSource(config);
        statements = new StatementCounter(pool);
        db = Database.of(statements.dataSource());
        selectIn = db.repository(SelectInShop.class);
        joined = db.repository(JoinedShop.class);
        writes = db.repository(ShopWrites.class);
    }

    /** The shop's tables, filled with its data, on {@code database}, and the repositories over them. */
    static CountedShop filled(TestDatabase database) {
        ShopSchema.create(database);
        ShopSchema.fill(database);
        return new CountedShop(database);
    }

    /** The repository that loads the shop's relations with {@code strategy}. */
    ShopQueries shop(FetchStrategy strategy) {
        return strategy == FetchStrategy.SELECT_IN ? selectIn : joined;
    }

    @Override
    public void close() {
        db.close();
        pool.close();
    }
}
