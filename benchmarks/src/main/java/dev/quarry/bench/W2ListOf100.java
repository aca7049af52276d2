package dev.quarry.bench;

import dev.quarry.bench.hibernate.HibernateContender;
import dev.quarry.bench.hibernate.UserEntity;
import dev.quarry.bench.peers.JdbiContender;
import dev.quarry.bench.peers.JooqContender;
import dev.quarry.bench.peers.SpringContender;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** W2: a page of 100 rows into a list of records. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class W2ListOf100 {
    @Benchmark
    public List<User> pgjdbc(HandJdbc contender, Keys keys) throws Exception {
        return contender.page(keys.pageStart());
    }

    @Benchmark
    public List<User> quarry(QuarryContender contender, Keys keys) {
        return contender.page(keys.pageStart());
    }

    @Benchmark
    public List<User> jdbi(JdbiContender contender, Keys keys) {
        return contender.page(keys.pageStart());
    }

    @Benchmark
    public List<User> jooq(JooqContender contender, Keys keys) {
        return contender.page(keys.pageStart());
    }

    @Benchmark
    public List<User> spring(SpringContender contender, Keys keys) {
        return contender.page(keys.pageStart());
    }

    @Benchmark
    public List<UserEntity> hibernate(HibernateContender contender, Keys keys) {
        return contender.page(keys.pageStart());
    }
}
