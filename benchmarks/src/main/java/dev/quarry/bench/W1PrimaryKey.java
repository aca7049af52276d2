package dev.quarry.bench;

import dev.quarry.bench.hibernate.HibernateContender;
import dev.quarry.bench.hibernate.UserEntity;
import dev.quarry.bench.peers.JdbiContender;
import dev.quarry.bench.peers.JooqContender;
import dev.quarry.bench.peers.SpringContender;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/** W1: one row by primary key into a record, from two threads at once. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class W1PrimaryKey {
    @Benchmark
    public User pgjdbc(HandJdbc contender, Keys keys) throws Exception {
        return contender.user(keys.userId());
    }

    @Benchmark
    public User quarry(QuarryContender contender, Keys keys) {
        return contender.user(keys.userId());
    }

    /** The same call with an observation registry that times every call, as Spring Boot's Actuator does. */
    @Benchmark
    public User quarryObserved(QuarryObservedContender contender, Keys keys) {
        return contender.user(keys.userId());
    }

    @Benchmark
    public User jdbi(JdbiContender contender, Keys keys) {
        return contender.user(keys.userId());
    }

    @Benchmark
    public User jooq(JooqContender contender, Keys keys) {
        return contender.user(keys.userId());
    }

    @Benchmark
    public User spring(SpringContender contender, Keys keys) {
        return contender.user(keys.userId());
    }

    @Benchmark
    public UserEntity hibernate(HibernateContender contender, Keys keys) {
        return contender.user(keys.userId());
    }
}
