package dev.quarry.processor.verify;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.verify.VerifyCompiler.compile;
import static dev.quarry.processor.verify.VerifyCompiler.source;
import static dev.quarry.processor.verify.VerifySources.ACCOUNTS;
import static dev.quarry.processor.verify.VerifySources.MISTAKES;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.verify.VerifyCompiler.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry.verify.cache}: a build with a database records what it answered; a build without
 * one checks against that snapshot, and says which methods it has no answers for. Public, for
 * {@code MessageCoverageTest} to hold the catalog to its tests.
 */
public class VerifyCacheTest {
    @TempDir
    static Path snapshot;

    private static Compilation recorded;

    @BeforeAll
    static void record() {
        recorded = compile(List.of(VerifyOptions.SCHEMA + "=" + VerifyCompiler.SCHEMA,
                VerifyOptions.CACHE + "=" + snapshot), ACCOUNTS, MISTAKES);
    }

    @Test
    void recordingBuildVerifiesAsUsual() {
        assertThat(recorded).hadErrorCount(12);
        assertThat(recorded).hadWarningCount(3);
    }

    @Test
    void buildWithoutDatabaseFindsTheSameFromTheSnapshot() throws IOException {
        Compilation offline = compile(List.of(VerifyOptions.CACHE + "=" + snapshot), ACCOUNTS, MISTAKES);

        assertThat(offline.diagnostics().stream().map(d -> d.getKind() + " " + d.getMessage(null)).toList())
                .containsExactlyElementsIn(recorded.diagnostics().stream()
                        .map(d -> d.getKind() + " " + d.getMessage(null)).toList());
        try (Stream<Path> entries = Files.list(snapshot)) {
            assertThat(entries.filter(p -> p.toString().endsWith(".txt")).count()).isGreaterThan(30L);
        }
    }

    @Test
    void verifyNotInSnapshot() {
        Source changed = source("Changed",
                "@Repository",
                "public interface Changed {",
                "    @Query(\"SELECT id FROM users WHERE email = :email\")",
                "    List<Long> byEmail(String email);",
                "}");

        Compilation offline = compile(List.of(VerifyOptions.CACHE + "=" + snapshot), changed);

        assertThat(offline).succeeded();
        assertThat(offline).hadWarningContaining(Message.VERIFY_NOT_IN_SNAPSHOT.format("Changed.byEmail", snapshot))
                .inFile(changed.file()).onLine(changed.line("byEmail(String email)"));
        assertThat(offline).hadWarningCount(1);
    }

    @Test
    void missingSnapshotIsUnavailable() {
        Path missing = snapshot.resolve("missing");
        Source ids = source("Ids",
                "@Repository",
                "public interface Ids {",
                "    @Query(\"SELECT id FROM users\")",
                "    List<Long> ids();",
                "}");

        Compilation offline = compile(List.of(VerifyOptions.CACHE + "=" + missing), ids);

        assertThat(offline).hadErrorContaining(Message.VERIFY_UNAVAILABLE.format(VerifyOptions.CACHE, missing,
                        "it is no directory; a build with -A" + VerifyOptions.URL + " or -A" + VerifyOptions.SCHEMA
                                + " and this option writes the snapshot there"))
                .inFile(ids.file()).onLine(ids.line("interface Ids"));
        assertThat(offline).hadErrorCount(1);
    }
}
