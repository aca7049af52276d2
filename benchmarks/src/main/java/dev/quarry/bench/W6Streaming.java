package dev.quarry.bench;

import dev.quarry.bench.peers.JdbiContender;
import dev.quarry.bench.peers.JooqContender;
import dev.quarry.bench.peers.SpringContender;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** W6: every row of {@code bench_readings} through a server-side cursor, each row a record. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class W6Streaming {
    /** Rows per round trip; Quarry has one method per value because {@code @FetchSize} is a compile-time constant. */
    @Param({"1000", "10000"})
    public int fetchSize;

    @Benchmark
    public void pgjdbc(HandJdbc contender, Blackhole sink) throws Exception {
        contender.stream(fetchSize, sink::consume);
    }

    @Benchmark
    public void quarry(QuarryContender contender, Blackhole sink) {
        contender.stream(fetchSize, sink::consume);
    }

    @Benchmark
    public void jdbi(JdbiContender contender, Blackhole sink) {
        contender.stream(fetchSize, sink::consume);
    }

    @Benchmark
    public void jooq(JooqContender contender, Blackhole sink) {
        contender.stream(fetchSize, sink::consume);
    }

    @Benchmark
    public void spring(SpringContender contender, Blackhole sink) {
        contender.stream(fetchSize, sink::consume);
    }
}
