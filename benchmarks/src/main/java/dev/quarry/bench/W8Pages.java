package dev.quarry.bench;

import dev.quarry.runtime.CursoredPage;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * W8: one page of 50 rows of a 1,000,000-row feed in {@code (created_at, id)} order, at page 1, 100
 * and 10,000. By offset ({@code LIMIT ? OFFSET ?}) the server walks past every row before the page;
 * by keyset it starts at the previous page's last key in the index, so the depth should not matter.
 * The key (hand-written) or cursor (Quarry) of the row before the page is found once per fork,
 * outside the measured time, by walking there.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class W8Pages {
    static final int SIZE = 50;

    /** The page number, from 1. */
    @Param({"1", "100", "10000"})
    public long depth;

    /** {@link #depth}, or the last full page of a smoke run's shorter feed. */
    private long page;
    /** Where a hand-written keyset page starts; null on page 1. */
    private HandJdbc.PostKey key;
    /** Where Quarry's keyset page starts; null on page 1. */
    private String cursor;

    /**
     * Only the keyset benchmark being run looks for its start, walking there page by page as a
     * caller does; both contenders so run their measured call a few thousand times before JMH's
     * warm-up. Reaching page 10,000 by one first page of 499,950 rows instead left Quarry's fork
     * slower than a fork given the same cursor from outside (about 2,500 against 3,900 ops/s): the
     * fork had run a half-million-row loop, not the call it measures.
     */
    @Setup(Level.Trial)
    public void locate(BenchmarkParams params, HandJdbc hand, QuarryContender quarry) throws Exception {
        page = page(depth);
        if (params.getBenchmark().endsWith(".pgjdbcKeyset")) {
            for (long p = 1; p < page; p++) {
                List<Post> rows = hand.postsAfter(key, SIZE).rows();
                Post last = rows.get(rows.size() - 1);
                key = new HandJdbc.PostKey(last.createdAt().atOffset(ZoneOffset.UTC), last.id());
            }
        }
        if (params.getBenchmark().endsWith(".quarryKeyset")) {
            for (long p = 1; p < page; p++) {
                cursor = quarry.feed(cursor, SIZE).nextCursor().orElseThrow();
            }
        }
    }

    /**
     * The page measured for {@code depth}: a smoke run's feed is shorter than the deepest page, so
     * there it reads the feed's last full page instead.
     */
    static long page(long depth) {
        return Math.min(depth, BenchSettings.posts() / SIZE);
    }

    @Benchmark
    public List<Post> pgjdbcOffset(HandJdbc contender) throws Exception {
        return contender.postsPage(page, SIZE);
    }

    @Benchmark
    public List<Post> quarryOffset(QuarryContender contender) {
        return contender.postsPage(page, SIZE);
    }

    @Benchmark
    public HandJdbc.PostsAfter pgjdbcKeyset(HandJdbc contender) throws Exception {
        return contender.postsAfter(key, SIZE);
    }

    @Benchmark
    public CursoredPage<Post> quarryKeyset(QuarryContender contender) {
        return contender.feed(cursor, SIZE);
    }
}
