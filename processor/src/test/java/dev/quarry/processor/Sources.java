package dev.quarry.processor;

import java.util.stream.Stream;

/** Inline sources in package {@code test}, with the imports every test source may need. */
final class Sources {
    private static final String[] HEADER = {
        "package test;",
        "",
        "import dev.quarry.annotations.*;",
        "import java.math.BigDecimal;",
        "import java.time.Instant;",
        "import java.time.LocalDate;",
        "import java.time.LocalDateTime;",
        "import java.time.OffsetDateTime;",
        "import java.util.Collection;",
        "import java.util.List;",
        "import java.util.Map;",
        "import java.util.Optional;",
        "import java.util.Set;",
        "import java.util.UUID;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.stream.Stream;",
        "",
    };

    private Sources() {}

    /** {@code test.<simpleName>}: the header, then {@code body}. */
    static TestSource source(String simpleName, String... body) {
        return TestSource.of("test." + simpleName, Stream.concat(Stream.of(HEADER), Stream.of(body))
                .toArray(String[]::new));
    }

    /** {@code @Repository public interface <simpleName>} holding {@code methods}. */
    static TestSource repository(String simpleName, String... methods) {
        return source(simpleName, Stream.of(
                        Stream.of("@Repository", "public interface " + simpleName + " {"),
                        Stream.of(methods),
                        Stream.of("}"))
                .flatMap(s -> s)
                .toArray(String[]::new));
    }
}
