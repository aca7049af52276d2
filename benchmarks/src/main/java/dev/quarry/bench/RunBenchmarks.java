package dev.quarry.bench;

import dev.quarry.testing.PostgresServer;
import dev.quarry.testing.TestDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.LinuxPerfNormProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one command: gets a PostgreSQL (embedded, or {@code QUARRY_BENCH_URL}), loads the data once,
 * checks that every contender returns the same data, runs all workloads through JMH and writes
 * RESULTS.md. What follows the line {@value #BY_HAND} in the old file is kept at the end of the new
 * one: measurements that are not JMH's, written by hand.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar [--smoke] [--cpu] [--output FILE] [--only REGEX]
 * </pre>
 *
 * <p>{@code --only} keeps the benchmarks whose name ({@code W1PrimaryKey.quarry}) contains a match of the
 * regular expression, for looking at a few contenders closely.
 */
public final class RunBenchmarks {
    static final String COMMAND = "mvn -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar";

    /**
     * How one group of workloads is measured: {@code rounds} times every benchmark of the group in a
     * fork of its own, one after the other, the order reversed in every other round. The machine
     * has slow minutes; run one contender's forks back to back and a slow minute lands on that
     * contender alone. Spread over rounds it lands on all of them alike, and the figures are the mean
     * of every measured iteration of every round.
     */
    private record Timing(int rounds, int warmups, TimeValue warmupTime, int measurements, TimeValue measurementTime) {
        String describe() {
            return rounds + (rounds == 1 ? " round" : " rounds") + " of 1 fork each, " + warmups + " × " + warmupTime
                    + " warm-up, " + measurements + " × " + measurementTime + " measurement";
        }
    }

    /**
     * The peers are large libraries, yet their JIT-compiled code settles within a few 2 s iterations
     * once the fork's heap is touched at start (see the fork JVM arguments). Forks of the same code
     * still differ by up to 20% in W1, hence three rounds.
     */
    private static final Timing FULL = new Timing(3, 4, TimeValue.seconds(2), 3, TimeValue.seconds(2));
    /** One W4–W5 operation takes up to a second and spends it in PostgreSQL more than in the JVM. */
    private static final Timing FULL_HEAVY = new Timing(2, 1, TimeValue.seconds(3), 3, TimeValue.seconds(3));
    /**
     * W6 spends its time in the JVM turning a million rows into records: its loop needs more warm-up
     * than the two or three operations a 3 s iteration holds, and more of them to measure.
     */
    private static final Timing FULL_STREAMING = new Timing(2, 3, TimeValue.seconds(3), 4, TimeValue.seconds(3));
    /**
     * W8 has twelve benchmarks (four contenders at three depths), and a fork takes about 27 s on two
     * cores; two rounds keep it near 12 minutes. Its deepest offset page is the server's work (about
     * 100 ms), which more rounds would not make steadier.
     */
    private static final Timing FULL_PAGES = new Timing(2, 4, TimeValue.seconds(2), 3, TimeValue.seconds(2));
    /** Enough to run every benchmark method once through JMH; the numbers mean nothing. */
    private static final Timing SMOKE = new Timing(1, 1, TimeValue.milliseconds(500), 1, TimeValue.milliseconds(500));

    /** Marks the end of the runner's report in RESULTS.md; the text after it is kept by every run. */
    static final String BY_HAND = "<!-- Written by hand from here on; the runner keeps it. -->";

    private RunBenchmarks() {}

    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        boolean cpu = false;
        Path output = null;
        Pattern only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--cpu" -> cpu = true;
                case "--output" -> {
                    if (i + 1 == args.length) {
                        usage("--output needs a file");
                    }
                    output = Path.of(args[++i]);
                }
                case "--only" -> {
                    if (i + 1 == args.length) {
                        usage("--only needs a regular expression");
                    }
                    only = Pattern.compile(args[++i]);
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (output == null) {
            Path module = moduleDirectory();
            // a smoke run proves the command works; it must not replace the measured numbers
            output = smoke ? module.resolve("target").resolve("RESULTS-smoke.md") : module.resolve("RESULTS.md");
        }
        // Hibernate logs through JBoss Logging; send it to the same SLF4J binding as everything else
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty(BenchSettings.SMOKE, Boolean.toString(smoke));

        long started = System.nanoTime();
        String where = connect();
        System.out.println("Loading data into " + where + " ...");
        BenchData.load();
        String serverVersion = BenchData.serverVersion();
        System.out.println("Checking that every contender returns the same data ...");
        Agreement.check();

        // The forks inherit this process's environment, so a QUARRY_BENCH_PASSWORD never shows on a command line.
        List<String> jvmArgs = new ArrayList<>(List.of(
                // The whole heap is touched before the first iteration. Otherwise the young generation grows
                // into fresh memory while it is measured, each new 4 KiB page a page fault: on a virtual
                // machine that held W1 at less than half its speed and made it swing by 30% from fork to fork.
                "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch",
                "-D" + BenchSettings.URL + "=" + BenchSettings.url(),
                "-D" + BenchSettings.USER + "=" + BenchSettings.user(),
                "-D" + BenchSettings.SMOKE + "=" + smoke,
                "-Dorg.jboss.logging.provider=slf4j",
                "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true"));
        String testPassword = System.getProperty(BenchSettings.PASSWORD, "");
        if (!testPassword.isEmpty()) {
            jvmArgs.add("-D" + BenchSettings.PASSWORD + "=" + testPassword);
        }
        // JMH's raw results (every iteration of every fork) go beside the build, not beside the report
        Path jsonDirectory = moduleDirectory().resolve("target").resolve("jmh");
        Files.createDirectories(jsonDirectory);
        ResultsReport report = new ResultsReport();
        Timing timing = smoke ? SMOKE : FULL;
        Timing heavy = smoke ? SMOKE : FULL_HEAVY;
        Timing streaming = smoke ? SMOKE : FULL_STREAMING;
        Timing pages = smoke ? SMOKE : FULL_PAGES;
        report.add(run(List.of(W1PrimaryKey.class, W2ListOf100.class), only, timing, true, cpu, jvmArgs, jsonDirectory));
        report.add(run(List.of(W3Relations.class), only, timing, false, cpu, jvmArgs, jsonDirectory));
        report.add(run(List.of(W4Insert.class, W5Upsert.class), only, heavy, false, cpu, jvmArgs, jsonDirectory));
        report.add(run(List.of(W6Streaming.class), only, streaming, false, cpu, jvmArgs, jsonDirectory));
        report.add(run(List.of(W7Search.class), only, timing, false, cpu, jvmArgs, jsonDirectory));
        report.add(run(List.of(W8Pages.class), only, pages, false, cpu, jvmArgs, jsonDirectory));
        report.add(run(List.of(W9Update.class), only, heavy, false, cpu, jvmArgs, jsonDirectory));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (report.isEmpty()) {
            usage("--only " + only + " matches no benchmark");
        }
        String markdown = document(smoke, cpu, only, timing, heavy, streaming, pages, where, serverVersion, took, report.markdown());
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown + keptByHand(output), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written to " + output.toAbsolutePath());
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar benchmarks/target/benchmarks.jar [--smoke] [--cpu] [--output FILE] [--only REGEX]");
        System.exit(2);
    }

    /** Uses QUARRY_BENCH_URL/_USER/_PASSWORD when set, else a fresh database on an embedded PostgreSQL. */
    private static String connect() {
        String url = System.getenv("QUARRY_BENCH_URL");
        if (url != null && !url.isBlank()) {
            System.setProperty(BenchSettings.URL, url.trim());
            System.setProperty(BenchSettings.USER, envOr("QUARRY_BENCH_USER", "postgres"));
            return "the PostgreSQL at QUARRY_BENCH_URL";
        }
        System.out.println("Starting embedded PostgreSQL ...");
        TestDatabase db = PostgresServer.shared().createDatabase("quarry_bench");
        System.setProperty(BenchSettings.URL, db.url());
        System.setProperty(BenchSettings.USER, db.user());
        // empty for the embedded server; set only for a test server given by QUARRY_TEST_URL
        System.setProperty(BenchSettings.PASSWORD, db.password());
        return "an embedded PostgreSQL (fsync off)";
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static List<RunResult> run(List<Class<?>> workloads, Pattern only, Timing timing, boolean allocation,
                                       boolean cpu, List<String> jvmArgs, Path jsonDirectory) throws Exception {
        List<String> benchmarks = new ArrayList<>();
        for (Class<?> workload : workloads) {
            for (Method method : workload.getMethods()) {
                String benchmark = workload.getSimpleName() + "." + method.getName();
                if (method.isAnnotationPresent(Benchmark.class) && (only == null || only.matcher(benchmark).find())) {
                    benchmarks.add(workload.getName() + "." + method.getName());
                }
            }
        }
        Collections.sort(benchmarks);
        List<RunResult> results = new ArrayList<>();
        for (int round = 1; round <= timing.rounds; round++) {
            List<String> order = new ArrayList<>(benchmarks);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (String benchmark : order) {
                String simpleName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
                System.out.println("# Round " + round + " of " + timing.rounds + ": " + simpleName);
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include("^" + Pattern.quote(benchmark) + "$")
                        .forks(1)
                        .warmupIterations(timing.warmups)
                        .warmupTime(timing.warmupTime)
                        .measurementIterations(timing.measurements)
                        .measurementTime(timing.measurementTime)
                        .jvmArgs(jvmArgs.toArray(String[]::new))
                        .shouldFailOnError(true)
                        .resultFormat(ResultFormatType.JSON)
                        .result(jsonDirectory.resolve("round" + round + "-" + simpleName + ".json").toString());
                if (allocation) {
                    options.addProfiler(GCProfiler.class);
                }
                if (cpu) {
                    // CPU time of the benchmark JVM per operation: what the contender's own code costs,
                    // apart from the server's work and from how the machine schedules the two
                    options.addProfiler(LinuxPerfNormProfiler.class, "events=task-clock");
                }
                results.addAll(new Runner(options.build()).run());
            }
        }
        return results;
    }

    private static String document(boolean smoke, boolean cpu, Pattern only, Timing timing, Timing heavy, Timing streaming,
                                   Timing pages, String where, String serverVersion, Duration took, String tables) {
        Runtime runtime = Runtime.getRuntime();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        StringBuilder out = new StringBuilder();
        out.append(smoke ? "# Benchmark results (smoke run: proves the command works, the numbers mean nothing)\n\n"
                : "# Benchmark results\n\n");
        out.append("Produced by this command, from the repository root:\n\n");
        out.append("```\n").append(COMMAND).append(smoke ? " --smoke" : "").append(cpu ? " --cpu" : "")
                .append(only == null ? "" : " --only '" + only + "'").append("\n```\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| date | ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(" |\n");
        out.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append(") |\n");
        out.append("| machine | ").append(runtime.availableProcessors()).append(" cores, ")
                .append(memory / (1024 * 1024 * 1024)).append(" GiB, ").append(cpuModel()).append(", ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(" |\n");
        out.append("| database | PostgreSQL ").append(serverVersion).append(", ").append(where)
                .append(", on the same machine |\n");
        out.append("| pool | one HikariCP pool per fork for every contender: ").append(Pool.SIZE)
                .append(" connections, autocommit on, pgjdbc defaults |\n");
        out.append("| JMH | W1–W3, W7: ").append(timing.describe()).append("; W4–W5, W9: ").append(heavy.describe())
                .append("; W6: ").append(streaming.describe()).append("; W8: ").append(pages.describe())
                .append("; fork JVMs -Xms2g -Xmx2g -XX:+AlwaysPreTouch; W1/W2 with `-prof gc`" + (cpu ? "; every workload with `-prof perfnorm` (task-clock)" : "") + " |\n");
        out.append("| data | ").append(String.format(Locale.ROOT, "%,d", BenchSettings.users())).append(" users, ")
                .append(String.format(Locale.ROOT, "%,d", BenchSettings.customers())).append(" customers × ")
                .append(BenchSettings.ORDERS_PER_CUSTOMER).append(" orders × ").append(BenchSettings.ITEMS_PER_ORDER)
                .append(" items, ").append(String.format(Locale.ROOT, "%,d", BenchSettings.readings()))
                .append(" readings, ").append(String.format(Locale.ROOT, "%,d", BenchSettings.posts()))
                .append(" posts; W4/W5/W9 write ").append(String.format(Locale.ROOT, "%,d", BenchSettings.bulkRows()))
                .append(" rows per operation |\n");
        out.append("| run time | ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s |\n\n");
        out.append("Each round runs every benchmark of a group once, in a fork of its own, the order reversed in every"
                + " other round, so that a slow minute on the machine falls on all contenders alike. A figure is the"
                + " mean of every measured iteration of every round, its error the 99.9% confidence interval of that"
                + " mean. ");
        out.append("Speed vs hand-written is the contender's throughput over the hand-written one's (for times: the"
                + " hand-written time over the contender's), so above 100% is faster than hand-written pgjdbc."
                + " B/op is JMH's `gc.alloc.rate.norm`: bytes allocated per operation in the benchmark JVM."
                + (cpu ? " JVM CPU µs/op is perf's `task-clock` of the benchmark JVM per operation: the CPU the"
                        + " client side spends, apart from the server's work and from how the machine shares its"
                        + " cores." : "")
                + " Before measuring, the runner checks that every contender returns the same data as hand-written"
                + " pgjdbc.\n\n");
        if (smoke) {
            out.append("Smoke mode: small data (see above) and one short iteration per benchmark.\n\n");
        }
        out.append(tables);
        out.append("### Not measured\n\n");
        out.append("- W3 without Spring JdbcTemplate: it has no relation loading of its own; written by hand it"
                + " would be the hand-written pgjdbc row again.\n");
        out.append("- W5 and W6 without Hibernate ORM: its upsert is a MERGE of whole entities, not an"
                + " `ON CONFLICT … DO UPDATE` of chosen columns, and streaming is not among its workloads here.\n");
        return out.toString();
    }

    /** The hand-written part of {@code output}, from the {@link #BY_HAND} line on, or nothing. */
    static String keptByHand(Path output) throws IOException {
        if (!Files.exists(output)) {
            return "";
        }
        String old = Files.readString(output, StandardCharsets.UTF_8);
        int start = old.indexOf(BY_HAND);
        return start < 0 ? "" : "\n" + old.substring(start);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the cores and memory still say enough
        }
        return "CPU model unknown";
    }

    /** benchmarks/, found from where this class was loaded: target/benchmarks.jar or target/classes. */
    private static Path moduleDirectory() throws URISyntaxException {
        Path location = Path.of(RunBenchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path target = location.getParent();
        Path module = target == null ? null : target.getParent();
        return module == null ? Path.of(".") : module;
    }
}
