package dev.quarry.it.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Micrometer is optional: without it on the class path nothing fails to load and every call works. */
@PostgresTest
class WithoutMicrometerTest {
    @Test
    void everyKindOfCallRunsInAJvmWithoutMicrometer(TestDatabase database) throws Exception {
        database.execute(Entry.DDL);
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains(File.separator + "micrometer-"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(System.getProperty("java.class.path").contains("micrometer-observation"),
                "the test's own class path has Micrometer, so the filter above is what removes it");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, WithoutMicrometer.class.getName(),
                database.url(), database.user(), database.password()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), output);

        assertEquals(0, child.exitValue(), output);
        assertTrue(output.strip().endsWith("OK"), output);
    }
}
