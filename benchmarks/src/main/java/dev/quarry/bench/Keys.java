package dev.quarry.bench;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Random keys for W1 and W2, one generator per benchmark thread so that threads share nothing;
 * every contender draws the same sequence.
 */
@State(Scope.Thread)
public class Keys {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SplittableRandom random = new SplittableRandom(42 + THREADS.getAndIncrement());
    private final int users = BenchSettings.users();

    /** An id of {@code bench_users}. */
    public long userId() {
        return 1 + random.nextInt(users);
    }

    /** A key that has a full page of {@link BenchSettings#PAGE} users after it. */
    public long pageStart() {
        return random.nextInt(users - BenchSettings.PAGE + 1);
    }
}
