package dev.quarry.bench;

import dev.quarry.bench.peers.JdbiContender;
import dev.quarry.bench.peers.JooqContender;
import dev.quarry.bench.peers.SpringContender;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * W5: upsert 100 000 rows of which half exist: {@code ON CONFLICT (id) DO UPDATE} of two columns
 * and a touched timestamp. The table is reset before every operation, outside the measured time.
 * Hibernate's upsert is a MERGE of whole entities, not this statement, so it is not a contender.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class W5Upsert {
    private List<Account> accounts;

    @Setup(Level.Trial)
    public void input() {
        accounts = LongStream.rangeClosed(1, BenchSettings.bulkRows()).mapToObj(Account::of).toList();
    }

    @Setup(Level.Invocation)
    public void reset(Pool pool) throws SQLException {
        BulkTables.resetAccounts(pool.dataSource());
    }

    @Benchmark
    public void pgjdbcUnnest(HandBulk contender) throws Exception {
        contender.upsert(accounts);
    }

    @Benchmark
    public long quarry(QuarryContender contender) {
        return contender.upsert(accounts);
    }

    @Benchmark
    public void jdbiBatch(JdbiContender contender) {
        contender.upsert(accounts);
    }

    @Benchmark
    public void jooqMultiRow(JooqContender contender) {
        contender.upsert(accounts);
    }

    @Benchmark
    public void springBatch(SpringContender contender) {
        contender.upsert(accounts);
    }
}
