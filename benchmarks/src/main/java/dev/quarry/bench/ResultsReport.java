package dev.quarry.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;

/** Turns JMH's results into the Markdown tables of RESULTS.md, each row next to its hand-written baseline. */
final class ResultsReport {
    /** A contender's row label and the hand-written method it is compared with. */
    private record Label(String name, String baseline) {}

    private static final List<String> WORKLOADS = List.of("W1PrimaryKey", "W2ListOf100", "W3Relations", "W4Insert", "W5Upsert", "W6Streaming", "W7Search",
            "W8Pages", "W9Update");
    private static final Map<String, Label> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("pgjdbc", new Label("hand-written pgjdbc", "pgjdbc"));
        LABELS.put("quarry", new Label("**Quarry**", "pgjdbc"));
        LABELS.put("quarryObserved", new Label("**Quarry**, observed (a Micrometer timer per call)", "pgjdbc"));
        LABELS.put("jdbi", new Label("JDBI 3 SqlObject", "pgjdbc"));
        LABELS.put("jooq", new Label("jOOQ DSL", "pgjdbc"));
        LABELS.put("spring", new Label("Spring JdbcTemplate", "pgjdbc"));
        LABELS.put("hibernate", new Label("Hibernate ORM 7", "pgjdbc"));
        LABELS.put("pgjdbcOffset", new Label("hand-written pgjdbc, `LIMIT ? OFFSET ?`", "pgjdbcOffset"));
        LABELS.put("pgjdbcKeyset", new Label("hand-written pgjdbc, `WHERE (created_at, id) > (?, ?)`", "pgjdbcKeyset"));
        LABELS.put("quarryOffset", new Label("**Quarry** `List` + `PageRequest.ofPage`", "pgjdbcOffset"));
        LABELS.put("quarryKeyset", new Label("**Quarry** `CursoredPage` + `PageRequest.afterCursor`", "pgjdbcKeyset"));
        LABELS.put("pgjdbcSelectIn", new Label("hand-written pgjdbc, two-step `= ANY`", "pgjdbcSelectIn"));
        LABELS.put("pgjdbcJoined", new Label("hand-written pgjdbc, one LEFT JOIN", "pgjdbcJoined"));
        LABELS.put("quarrySelectIn", new Label("**Quarry SELECT_IN**", "pgjdbcSelectIn"));
        LABELS.put("quarryJoined", new Label("**Quarry JOINED**", "pgjdbcJoined"));
        LABELS.put("jdbiJoined", new Label("JDBI 3 SqlObject, join + `@UseRowReducer`", "pgjdbcJoined"));
        LABELS.put("jooqMultiset", new Label("jOOQ DSL, nested `MULTISET`", "pgjdbcSelectIn"));
        LABELS.put("hibernateSubselect", new Label("Hibernate ORM 7, `FetchMode.SUBSELECT`", "pgjdbcSelectIn"));
        LABELS.put("pgjdbcCopy", new Label("hand-written pgjdbc, COPY (text) via CopyManager", "pgjdbcCopy"));
        LABELS.put("pgjdbcUnnest", new Label("hand-written pgjdbc, `unnest` arrays", "pgjdbcUnnest"));
        LABELS.put("pgjdbcBatch", new Label("hand-written pgjdbc, `executeBatch`", "pgjdbcBatch"));
        LABELS.put("pgjdbcBatchRewritten", new Label("hand-written pgjdbc, `executeBatch` with `reWriteBatchedInserts=true`",
                "pgjdbcBatch"));
        LABELS.put("quarryCopy", new Label("**Quarry COPY**", "pgjdbcCopy"));
        LABELS.put("quarryUnnest", new Label("**Quarry UNNEST**", "pgjdbcUnnest"));
        LABELS.put("quarryBatch", new Label("**Quarry BATCH** (multi-row VALUES)", "pgjdbcBatch"));
        LABELS.put("jdbiBatch", new Label("JDBI 3 SqlObject, `@SqlBatch`", "pgjdbcBatch"));
        LABELS.put("jooqMultiRow", new Label("jOOQ DSL, multi-row INSERT", "pgjdbcBatch"));
        LABELS.put("springBatch", new Label("Spring JdbcTemplate, `batchUpdate`", "pgjdbcBatch"));
        LABELS.put("hibernateStateless", new Label("Hibernate ORM 7, StatelessSession `insertMultiple`", "pgjdbcBatch"));
        // W9's: every row compared with the unnest baseline, which is the first hand-written row there
        LABELS.put("pgjdbcUnnestLocked", new Label(
                "hand-written pgjdbc, `unnest` after a key-ordered `FOR NO KEY UPDATE`", "pgjdbcUnnest"));
        LABELS.put("quarryVersioned", new Label("**Quarry**, with `@Version`", "pgjdbcUnnest"));
        LABELS.put("hibernateStatelessUpdate", new Label("Hibernate ORM 7, StatelessSession `updateMultiple`", "pgjdbcBatch"));
        LABELS.put("jooqBatch", new Label("jOOQ DSL, `batch(query).bind(…)`", "pgjdbcBatch"));
    }

    /** Section titles carry the data sizes of this run, which a smoke run makes smaller. */
    private static String title(String workload) {
        return switch (workload) {
            case "W1PrimaryKey" -> "W1 — primary-key lookup → record (2 threads)";
            case "W2ListOf100" -> "W2 — list of 100 rows → List<record>";
            case "W3Relations" -> String.format(Locale.ROOT,
                    "W3 — %,d parents × %d children × %d grandchildren → graph of records",
                    BenchSettings.customers(), BenchSettings.ORDERS_PER_CUSTOMER, BenchSettings.ITEMS_PER_ORDER);
            case "W4Insert" -> String.format(Locale.ROOT, "W4 — insert %,d rows", BenchSettings.bulkRows());
            case "W5Upsert" -> String.format(Locale.ROOT, "W5 — upsert %,d rows, half of them conflicting",
                    BenchSettings.bulkRows());
            case "W6Streaming" -> String.format(Locale.ROOT, "W6 — stream %,d rows into records", BenchSettings.readings());
            case "W7Search" -> "W7 — search: 2 of 3 optional filters, a sort key, LIMIT 50 → List<record>";
            case "W8Pages" -> String.format(Locale.ROOT, "W8 — a page of %d rows of %,d by offset and by keyset",
                    W8Pages.SIZE, BenchSettings.posts());
            case "W9Update" -> String.format(Locale.ROOT, "W9 — update 2 columns of %,d rows by primary key",
                    BenchSettings.bulkRows());
            default -> workload;
        };
    }

    private record Row(String workload, String variant, String method, Mode mode, double score, double error,
                       String unit, double bytesPerOp, double cpuMicrosPerOp) {}

    /** Every measured iteration of one benchmark (and parameter), over all the rounds that ran it. */
    private static final class Measured {
        final String workload;
        final String variant;
        final String method;
        final Mode mode;
        final String unit;
        final ListStatistics scores = new ListStatistics();
        final ListStatistics bytesPerOp = new ListStatistics();
        /** perfnorm's task-clock, milliseconds of the benchmark JVM's CPU per operation (with {@code --cpu}). */
        final ListStatistics cpuMillisPerOp = new ListStatistics();

        Measured(String workload, String variant, String method, Mode mode, String unit) {
            this.workload = workload;
            this.variant = variant;
            this.method = method;
            this.mode = mode;
            this.unit = unit;
        }

        Row row() {
            return new Row(workload, variant, method, mode, scores.getMean(), scores.getMeanErrorAt(0.999), unit,
                    bytesPerOp.getN() == 0 ? Double.NaN : bytesPerOp.getMean(),
                    cpuMillisPerOp.getN() == 0 ? Double.NaN : cpuMillisPerOp.getMean() * 1_000);
        }
    }

    private final Map<String, Measured> measured = new LinkedHashMap<>();

    /** Adds the iterations of {@code results}; a benchmark met again (a later round) adds to its figures. */
    void add(Collection<RunResult> results) {
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String[] parts = benchmark.split("\\.");
            String fetchSize = result.getParams().getParam("fetchSize");
            String depth = result.getParams().getParam("depth");
            String variant = fetchSize != null ? "fetch size " + fetchSize : depth != null ? "page " + depth : "";
            Measured into = measured.computeIfAbsent(benchmark + " " + variant, key -> new Measured(
                    parts[parts.length - 2], variant, parts[parts.length - 1], result.getParams().getMode(),
                    result.getPrimaryResult().getScoreUnit()));
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    into.scores.addValue(iteration.getPrimaryResult().getScore());
                    iteration.getSecondaryResults().forEach((name, value) -> {
                        if (name.endsWith("gc.alloc.rate.norm")) {
                            into.bytesPerOp.addValue(value.getScore());
                        }
                    });
                }
                // perfnorm measures a whole fork, so its figure is the fork's, not an iteration's
                Result<?> cpu = fork.getSecondaryResults().get("task-clock");
                if (cpu != null && !Double.isNaN(cpu.getScore())) {
                    into.cpuMillisPerOp.addValue(cpu.getScore());
                }
            }
        }
    }

    boolean isEmpty() {
        return measured.isEmpty();
    }

    /** One section per workload (and per fetch size), rows in the order of {@link #LABELS}. */
    String markdown() {
        List<Row> rows = measured.values().stream().map(Measured::row).toList();
        StringBuilder out = new StringBuilder();
        for (String workload : WORKLOADS) {
            List<String> variants = rows.stream()
                    .filter(r -> r.workload.equals(workload))
                    .map(Row::variant).distinct().sorted((a, b) -> Integer.compare(a.length(), b.length())).toList();
            for (String variant : variants) {
                List<Row> section = rows.stream()
                        .filter(r -> r.workload.equals(workload) && r.variant.equals(variant))
                        .sorted((a, b) -> Integer.compare(order(a.method), order(b.method)))
                        .toList();
                section(out, title(workload) + (variant.isEmpty() ? "" : ", " + variant), section);
            }
        }
        return out.toString();
    }

    /** Hand-written rows first, then the others in the order of {@link #LABELS}. */
    private static int order(String method) {
        int i = method.startsWith("pgjdbc") ? 0 : LABELS.size();
        for (String known : LABELS.keySet()) {
            if (known.equals(method)) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static void section(StringBuilder out, String title, List<Row> section) {
        boolean allocation = section.stream().anyMatch(r -> !Double.isNaN(r.bytesPerOp));
        boolean cpu = section.stream().anyMatch(r -> !Double.isNaN(r.cpuMicrosPerOp));
        Row first = section.get(0);
        String higher = first.mode == Mode.Throughput ? "higher is better" : "lower is better";
        out.append("### ").append(title).append("\n\n");
        out.append("| contender | ").append(first.unit).append(" (").append(higher).append(") | ± error (99.9%) | speed vs hand-written |");
        if (allocation) {
            out.append(" B/op | B/op vs hand-written |");
        }
        if (cpu) {
            out.append(" JVM CPU µs/op | CPU vs hand-written |");
        }
        out.append("\n|---|---:|---:|---:|");
        if (allocation) {
            out.append("---:|---:|");
        }
        if (cpu) {
            out.append("---:|---:|");
        }
        out.append('\n');
        for (Row row : section) {
            Label label = LABELS.getOrDefault(row.method, new Label(row.method, "pgjdbc"));
            // a workload with a single hand-written row (W5) compares everything with that row
            Row baseline = section.stream().filter(r -> r.method.equals(label.baseline)).findFirst()
                    .or(() -> section.stream().filter(r -> r.method.startsWith("pgjdbc")).findFirst())
                    .orElse(null);
            out.append("| ").append(label.name).append(" | ").append(number(row.score)).append(" | ")
                    .append(number(row.error)).append(" | ");
            if (baseline == null) {
                out.append("—");
            } else if (row == baseline) {
                out.append("100% (baseline)");
            } else {
                double speed = row.mode == Mode.Throughput ? row.score / baseline.score : baseline.score / row.score;
                out.append(percent(speed));
                if (!baseline.method.equals("pgjdbc")) {
                    out.append(" of ").append(LABELS.getOrDefault(baseline.method, label).name);
                }
            }
            out.append(" |");
            if (allocation) {
                out.append(' ').append(String.format(Locale.ROOT, "%,.0f", row.bytesPerOp)).append(" | ");
                out.append(baseline == null || row == baseline ? "—" : percent(row.bytesPerOp / baseline.bytesPerOp));
                out.append(" |");
            }
            if (cpu) {
                out.append(' ').append(number(row.cpuMicrosPerOp)).append(" | ");
                out.append(baseline == null || row == baseline ? "—" : percent(row.cpuMicrosPerOp / baseline.cpuMicrosPerOp));
                out.append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        if (value >= 1_000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
