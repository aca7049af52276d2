package dev.quarry.runtime.internal;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What the hooks around a repository call cost, without a database: the loop runs what
 * {@code acquire}, a statement's end and {@code release} do for each kind of instruments, and
 * prints the thread's CPU time per call. In this package because the hooks are package-private.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.quarry.runtime.internal.ObservationCost
 * </pre>
 */
public final class ObservationCost {
    private static final String METHOD = "BenchRepository.user";
    private static final String SQL = "SELECT id, email, name, score, created_at FROM bench_users WHERE id = ?";
    private static final int CALLS = 2_000_000;

    private ObservationCost() {}

    public static void main(String[] args) {
        ObservationRegistry timed = ObservationRegistry.create();
        timed.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        ObservationRegistry timedOnly = ObservationRegistry.create();
        timedOnly.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry(),
                DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
        ObservationRegistry idle = ObservationRegistry.create();
        idle.observationConfig().observationHandler(context -> true);
        ObservationRegistry unheard = ObservationRegistry.create();
        for (int round = 0; round < 3; round++) {
            run("none", null);
            run("slowQueryThreshold only", Instruments.of(null, Duration.ofSeconds(1)));
            run("a registry without handlers", Instruments.of(unheard, null));
            run("a registry whose handler does nothing", Instruments.of(idle, null));
            run("timer, no long-task timer", Instruments.of(timedOnly, null));
            run("DefaultMeterObservationHandler", Instruments.of(timed, null));
        }
    }

    private static void run(String what, Instruments instruments) {
        long before = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            if (instruments != null) {
                Call.enter(instruments, METHOD);
            }
            SqlLog.executed(METHOD, SQL, 1, 1, start);
            if (instruments != null) {
                Call.leave(instruments);
            }
        }
        long after = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        System.out.printf("%-40s %8.1f ns per call%n", what, (after - before) / (double) CALLS);
    }
}
