package dev.quarry.bench;

import dev.quarry.bench.peers.JdbiContender;
import dev.quarry.bench.peers.JooqContender;
import dev.quarry.bench.peers.SpringContender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * W7: a search screen's query. Of three optional filters two apply (score and creation time), the
 * rows are sorted by a caller-picked key (score, descending), LIMIT 50, over a window of 1,000 ids.
 * Quarry picks its constant text by mask and appends the key; hand-written pgjdbc builds the same
 * text in a StringBuilder; JDBI and Spring's NamedParameterJdbcTemplate concatenate their criteria,
 * jOOQ composes Conditions.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class W7Search {
    static final int MIN_SCORE = 500;

    /** The creation-time bound: past a quarter of the window (user g is created at minute g). */
    static Instant since(long after) {
        return Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofMinutes(after + 250));
    }

    @Benchmark
    public List<User> pgjdbc(HandJdbc contender, Keys keys) throws Exception {
        long after = keys.pageStart();
        return contender.search(after, MIN_SCORE, null, since(after), "score", true);
    }

    @Benchmark
    public List<User> quarry(QuarryContender contender, Keys keys) {
        long after = keys.pageStart();
        return contender.search(after, since(after));
    }

    @Benchmark
    public List<User> jdbi(JdbiContender contender, Keys keys) {
        long after = keys.pageStart();
        return contender.search(after, MIN_SCORE, null, since(after), "score", true);
    }

    @Benchmark
    public List<User> jooq(JooqContender contender, Keys keys) {
        long after = keys.pageStart();
        return contender.search(after, MIN_SCORE, null, since(after), "score", true);
    }

    @Benchmark
    public List<User> spring(SpringContender contender, Keys keys) {
        long after = keys.pageStart();
        return contender.search(after, MIN_SCORE, null, since(after), "score", true);
    }
}
