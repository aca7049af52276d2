package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Runs javac with the processor as a user's build would, with every lint enabled. */
final class Compilations {
    private Compilations() {}

    static Compilation compile(TestSource... sources) {
        return compile(new QuarryProcessor(), sources);
    }

    static Compilation compile(Processor processor, TestSource... sources) {
        return compile(processor, Arrays.stream(sources).map(TestSource::file).toArray(JavaFileObject[]::new));
    }

    static Compilation compile(Processor processor, JavaFileObject... sources) {
        // compile-testing passes no options of its own: without -Xlint, warnings in generated code would go unseen
        return javac()
                .withProcessors(processor)
                .withOptions("-Xlint:all", "-Xlint:-processing")
                .compile(sources);
    }

    /**
     * Compiles {@code sources} and asserts the one error they should cause: its exact text, the
     * line it points at, that nothing else was reported, and that no implementation was written.
     */
    static void assertOnlyError(String message, TestSource at, long line, TestSource... sources) {
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = compile(processor, sources);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(at.file()).onLine(line);
        assertThat(compilation).hadErrorCount(1);
        assertThat(processor.createdSources()).isEmpty();
    }
}
