package dev.quarry.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The one HikariCP pool of a benchmark run. Every contender is built over it, so all of them
 * borrow connections with the same settings and the same driver properties.
 */
@State(Scope.Benchmark)
public class Pool {
    /** Enough for W1's two threads with room to spare, so no contender ever waits for a connection. */
    static final int SIZE = 4;

    private HikariDataSource dataSource;

    @Setup(Level.Trial)
    public void open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(BenchSettings.url());
        config.setUsername(BenchSettings.user());
        config.setPassword(BenchSettings.password());
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(SIZE);
        config.setAutoCommit(true);
        config.setPoolName("bench");
        configure(config);
        dataSource = new HikariDataSource(config);
    }

    /** Settings beyond the shared ones; the shared pool keeps pgjdbc's defaults. */
    void configure(HikariConfig config) {
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.close();
    }
}
