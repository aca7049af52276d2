package dev.quarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new run rewrites RESULTS.md but keeps what was written by hand below the marker. */
class KeptByHandTest {
    @TempDir
    Path directory;

    @Test
    void keepsEverythingFromTheMarkerOn() throws Exception {
        Path results = directory.resolve("RESULTS.md");
        String byHand = RunBenchmarks.BY_HAND + "\n\n### Compile-time verification cost\n\n| a | 1 |\n";
        Files.writeString(results, "# Benchmark results\n\nold tables\n\n" + byHand, StandardCharsets.UTF_8);

        assertEquals("\n" + byHand, RunBenchmarks.keptByHand(results));
    }

    @Test
    void keepsNothingWithoutTheMarkerOrTheFile() throws Exception {
        Path results = directory.resolve("RESULTS.md");
        assertEquals("", RunBenchmarks.keptByHand(results));

        Files.writeString(results, "# Benchmark results\n\nold tables\n", StandardCharsets.UTF_8);
        assertEquals("", RunBenchmarks.keptByHand(results));
    }
}
