package dev.quarry.processor.verify;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.quarry.processor.QuarryProcessor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles inline sources with the processor and {@code -A} options, as a user's build with verification would. */
final class VerifyCompiler {
    /** The migrations under {@code src/test/resources/verify-schema}. */
    static final Path SCHEMA = schema();

    private static final String[] HEADER = {
        "package test;",
        "",
        "import dev.quarry.annotations.*;",
        "import java.math.BigDecimal;",
        "import java.time.Instant;",
        "import java.time.LocalDate;",
        "import java.time.LocalDateTime;",
        "import java.time.OffsetDateTime;",
        "import java.util.List;",
        "import java.util.Optional;",
        "import java.util.Set;",
        "import java.util.UUID;",
        "",
    };

    private VerifyCompiler() {}

    /** An inline source that also answers which line a fragment is on. */
    record Source(JavaFileObject file, List<String> lines) {
        /** The 1-based line holding {@code fragment}, which must occur on exactly one line. */
        long line(String fragment) {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    found.add(i + 1);
                }
            }
            if (found.size() != 1) {
                throw new IllegalArgumentException("'" + fragment + "' is on lines " + found + ", expected exactly one");
            }
            return found.get(0);
        }
    }

    /** {@code test.<simpleName>}: the imports every source may need, then {@code body}. */
    static Source source(String simpleName, String... body) {
        String[] lines = Stream.concat(Arrays.stream(HEADER), Arrays.stream(body)).toArray(String[]::new);
        return new Source(JavaFileObjects.forSourceLines("test." + simpleName, lines), List.of(lines));
    }

    /** Compiles with every lint on, so a warning in generated code would show, and {@code -A<option>}s. */
    static Compilation compile(List<String> options, Source... sources) {
        List<String> all = new ArrayList<>(List.of("-Xlint:all", "-Xlint:-processing"));
        options.forEach(option -> all.add("-A" + option));
        return javac()
                .withProcessors(new QuarryProcessor())
                .withOptions(all)
                .compile(Arrays.stream(sources).map(Source::file).toList());
    }

    private static Path schema() {
        try {
            return Path.of(VerifyCompiler.class.getResource("/verify-schema/V1__users.sql").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
