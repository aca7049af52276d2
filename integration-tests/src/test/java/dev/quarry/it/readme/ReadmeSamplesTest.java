package dev.quarry.it.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample of the README is code this module compiles: each paragraph of a sample (its
 * lines up to a blank line) stands, line for line and in order, in one file of this package, where
 * it compiles with the processor like any repository (the Spring Boot sample stands in
 * {@code spring-example}). A sample that must not compile (one that
 * shows a compile error) is preceded by {@code <!-- not compiled: why -->}.
 */
class ReadmeSamplesTest {
    private static final Pattern SAMPLE = Pattern.compile("(<!-- not compiled: [^>]+ -->\\s*\\n)?```java\\n(.*?)```",
            Pattern.DOTALL);
    /** This package, and the Spring example, which shows what the Spring Boot section does. */
    private static final List<Path> ROOTS = List.of(Path.of("src/test/java/dev/quarry/it/readme"),
            Path.of("../spring-example/src/main/java"));

    record Sample(int line, List<List<String>> paragraphs) {}

    @Test
    void everySampleIsCompiledCode() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        List<List<String>> files = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files.add(Files.readAllLines(file).stream().map(String::strip).toList());
                }
            }
        }
        List<Sample> samples = samples(readme);
        assertTrue(samples.size() >= 10, "found only " + samples.size() + " samples");
        List<String> missing = new ArrayList<>();
        for (Sample sample : samples) {
            if (files.stream().noneMatch(file -> contains(file, sample.paragraphs()))) {
                missing.add("README.md line " + sample.line() + ":\n  "
                        + String.join("\n  ", sample.paragraphs().stream().flatMap(List::stream).toList()));
            }
        }
        if (!missing.isEmpty()) {
            fail("these README samples stand in no file under " + ROOTS + ", so nothing compiles them:\n"
                    + String.join("\n", missing));
        }
    }

    private static List<Sample> samples(String readme) {
        List<Sample> samples = new ArrayList<>();
        Matcher m = SAMPLE.matcher(readme);
        while (m.find()) {
            if (m.group(1) != null) {
                continue;
            }
            List<List<String>> paragraphs = new ArrayList<>();
            List<String> paragraph = new ArrayList<>();
            for (String line : m.group(2).split("\n", -1)) {
                if (line.isBlank()) {
                    if (!paragraph.isEmpty()) {
                        paragraphs.add(paragraph);
                        paragraph = new ArrayList<>();
                    }
                } else {
                    paragraph.add(line.strip());
                }
            }
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
            samples.add(new Sample(readme.substring(0, m.start(2)).split("\n", -1).length, paragraphs));
        }
        return samples;
    }

    /** Whether every paragraph stands in {@code file} as consecutive lines, each after the one before. */
    private static boolean contains(List<String> file, List<List<String>> paragraphs) {
        int from = 0;
        for (List<String> paragraph : paragraphs) {
            int at = indexOf(file, paragraph, from);
            if (at < 0) {
                return false;
            }
            from = at + paragraph.size();
        }
        return true;
    }

    private static int indexOf(List<String> file, List<String> lines, int from) {
        for (int i = from; i + lines.size() <= file.size(); i++) {
            if (file.subList(i, i + lines.size()).equals(lines)) {
                return i;
            }
        }
        return -1;
    }
}
