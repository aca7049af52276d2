package dev.quarry.bench;

import dev.quarry.bench.hibernate.CustomerEntity;
import dev.quarry.bench.hibernate.HibernateContender;
import dev.quarry.bench.peers.JdbiContender;
import dev.quarry.bench.peers.JooqContender;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * W3: every customer with its 10 orders and their 5 items each, as a graph of records. Spring's
 * JdbcTemplate has no relation loading of its own, so it is not a contender here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class W3Relations {
    @Benchmark
    public List<Customer> pgjdbcSelectIn(HandJdbc contender) throws Exception {
        return contender.customersSelectIn();
    }

    @Benchmark
    public List<Customer> pgjdbcJoined(HandJdbc contender) throws Exception {
        return contender.customersJoined();
    }

    @Benchmark
    public List<Customer> quarrySelectIn(QuarryContender contender) {
        return contender.customersSelectIn();
    }

    @Benchmark
    public List<Customer> quarryJoined(QuarryContender contender) {
        return contender.customersJoined();
    }

    @Benchmark
    public List<Customer> jdbiJoined(JdbiContender contender) {
        return contender.customersJoined();
    }

    @Benchmark
    public List<Customer> jooqMultiset(JooqContender contender) {
        return contender.customersMultiset();
    }

    @Benchmark
    public List<CustomerEntity> hibernateSubselect(HibernateContender contender) {
        return contender.customersSubselect();
    }
}
