package dev.quarry.bench;

import dev.quarry.bench.hibernate.EventEntity;
import dev.quarry.bench.hibernate.HibernateContender;
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
 * W4: insert 100 000 rows into an empty table with a primary key, each contender by its fastest
 * documented bulk path. The table is emptied before every operation, outside the measured time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class W4Insert {
    private List<Event> events;
    private List<EventEntity> entities;

    @Setup(Level.Trial)
    public void input() {
        events = LongStream.rangeClosed(1, BenchSettings.bulkRows()).mapToObj(Event::of).toList();
        entities = events.stream()
                .map(e -> new EventEntity(e.id(), e.account(), e.amount(), e.note(), e.createdAt()))
                .toList();
    }

    @Setup(Level.Invocation)
    public void empty(Pool pool) throws SQLException {
        BulkTables.emptyEvents(pool.dataSource());
    }

    @Benchmark
    public void pgjdbcCopy(HandBulk contender) throws Exception {
        contender.insertByCopy(events);
    }

    @Benchmark
    public void pgjdbcUnnest(HandBulk contender) throws Exception {
        contender.insertByUnnest(events);
    }

    @Benchmark
    public void pgjdbcBatch(HandBulk contender) throws Exception {
        contender.insertByBatch(events);
    }

    @Benchmark
    public void pgjdbcBatchRewritten(HandBulk contender, RewritingPool rewriting) throws Exception {
        contender.insertByBatch(rewriting.dataSource(), events);
    }

    @Benchmark
    public long quarryCopy(QuarryContender contender) {
        return contender.insertByCopy(events);
    }

    @Benchmark
    public long quarryUnnest(QuarryContender contender) {
        return contender.insertByUnnest(events);
    }

    @Benchmark
    public long quarryBatch(QuarryContender contender) {
        return contender.insertByBatch(events);
    }

    @Benchmark
    public void jdbiBatch(JdbiContender contender) {
        contender.insert(events);
    }

    @Benchmark
    public void jooqMultiRow(JooqContender contender) {
        contender.insert(events);
    }

    @Benchmark
    public void springBatch(SpringContender contender) {
        contender.insert(events);
    }

    @Benchmark
    public void hibernateStateless(HibernateContender contender) {
        contender.insert(entities);
    }
}
