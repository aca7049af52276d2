package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Compilations.assertOnlyError;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import org.junit.jupiter.api.Test;

/** {@code java.time.Duration} is a scalar ({@code interval}) wherever scalars go; an interval array component is not. */
class DurationTypesTest {
    private static final TestSource TIMING = source("Timing",
            "@Table(\"timings\")",
            "public record Timing(@Id long id, java.time.Duration took) {}");

    @Test
    void durationsAreParametersResultsComponentsAndBulkColumns() {
        Compilation compilation = Compilations.compile(TIMING, repository("Repo",
                "    @Query(\"SELECT id, took FROM timings WHERE took > :min AND took = ANY(:exact)\")",
                "    List<Timing> slow(java.time.Duration min, List<java.time.Duration> exact);",
                "    @Query(\"SELECT took FROM timings WHERE id = :id\")",
                "    Optional<java.time.Duration> took(long id);",
                "    @Query(\"SELECT took FROM timings\")",
                "    List<java.time.Duration> all();",
                "    @Query(\"SELECT took FROM timings WHERE took = ANY(:exact)\")",
                "    java.time.Duration one(java.time.Duration[] exact);",
                "    @Insert(strategy = InsertStrategy.COPY)",
                "    long copy(List<Timing> timings);",
                "    @Insert(strategy = InsertStrategy.UNNEST)",
                "    long unnest(List<Timing> timings);",
                "    @Insert(strategy = InsertStrategy.BATCH)",
                "    long values(List<Timing> timings);"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.Repo_Impl").contentsAsUtf8String()
                .contains("Binders.setDurationArray(_stmt, 2, exact, SLOW, \"exact\")");
    }

    @Test
    void aListOfDurationsIsNoComponent() {
        TestSource laps = source("Laps",
                "public record Laps(long id, List<java.time.Duration> laps) {}");
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, laps FROM runs\")",
                "    List<Laps> all();");
        assertOnlyError(Message.UNSUPPORTED_COMPONENT_TYPE.format("laps", "Laps", "java.util.List<java.time.Duration>", ""),
                repo, repo.line("all()"), laps, repo);
    }
}
