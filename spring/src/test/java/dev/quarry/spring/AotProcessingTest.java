package dev.quarry.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.spring.app.Note;
import dev.quarry.spring.app.NoteService;
import dev.quarry.spring.app.Notes;
import dev.quarry.spring.app.NotesApplication;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.test.tools.ClassFile;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.ResourceFile;
import org.springframework.core.test.tools.SourceFile;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

/**
 * The Spring Boot application of the other tests, through Spring's AOT processing as a native
 * image build runs it: the code it writes compiles, and the application started from that code
 * alone (no configuration class parsed, no index read) injects repositories that query
 * PostgreSQL; the runtime hints cover what Quarry reaches by reflection.
 */
@PostgresTest
class AotProcessingTest {
    private static final String AOT_ENABLED = "spring.aot.enabled";

    /**
     * The generated code joins the packages of the classes it registers, some package-private; a
     * forked class loader defines it beside them, as one class loader holds both in an application.
     * (That loader loads quarry-testing anew too, so this test runs on an embedded server of its own.)
     */
    @Test
    @CompileWithForkedClassLoader
    void anApplicationStartedFromTheCodeAotWroteRunsItsRepositories(TestDatabase database) throws Exception {
        database.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)");
        TestGenerationContext generated = new TestGenerationContext(NotesApplication.class);
        ClassName initializer = processAheadOfTime(generated);
        assertEquals(NotesApplication.class.getName() + "__ApplicationContextInitializer", initializer.reflectionName());
        Set<String> sources = generated.getGeneratedFiles().getGeneratedFiles(Kind.SOURCE).keySet();
        // beside each repository, where a package-private one is visible
        for (String repository : List.of("Notes", "NoteCounts")) {
            assertTrue(sources.contains("dev/quarry/spring/app/" + repository + "__BeanDefinitions.java"),
                    repository + " in " + sources);
        }
        assertHintsCoverWhatQuarryReflects(generated.getRuntimeHints());

        compiler(generated).compile(compiled -> {
            SpringApplication application = new SpringApplication(NotesApplication.class);
            application.setResourceLoader(new DefaultResourceLoader(compiled.getClassLoader()));
            // in AOT mode Boot skips its sources and applies <main class>__ApplicationContextInitializer
            application.setMainApplicationClass(NotesApplication.class);
            application.setDefaultProperties(Map.of(
                    "spring.datasource.url", database.url(),
                    "spring.datasource.username", database.user(),
                    "spring.datasource.password", database.password(),
                    "spring.main.banner-mode", "off"));
            SpringProperties.setProperty(AOT_ENABLED, "true");
            try (ConfigurableApplicationContext context = application.run()) {
                // registered by the generated code, not by the registrar reading the index again
                AbstractBeanDefinition definition =
                        (AbstractBeanDefinition) context.getBeanFactory().getBeanDefinition("notes");
                assertNotNull(definition.getInstanceSupplier());

                NoteService service = context.getBean(NoteService.class);
                Notes notes = context.getBean(Notes.class);
                assertSame(notes, service.notes());
                assertSame(context.getBean(Database.class).repository(Notes.class), notes);

                notes.add(1, "ahead of time");
                assertEquals(List.of(new Note(1, "ahead of time")), notes.all());
                assertEquals(1, service.count());
                // the service's @Transactional proxy was generated too: its rollback takes Quarry's writes back
                assertThrows(IllegalStateException.class, () -> service.writeThree(10, true));
                assertEquals(1, database.queryLong("SELECT count(*) FROM notes"));
            } finally {
                SpringProperties.setProperty(AOT_ENABLED, null);
            }
        });
    }

    /** Each generated {@code _Impl}'s constructor and each index resource, and the runtime's own. */
    private static void assertHintsCoverWhatQuarryReflects(RuntimeHints hints) throws Exception {
        List<String> listed = listedRepositories();
        assertTrue(listed.size() >= 2, listed.toString());
        for (String repository : listed) {
            Class<?> implementation = Class.forName(QuarryRepositoryFactoryBean.implementationName(Class.forName(repository)));
            assertTrue(RuntimeHintsPredicates.reflection()
                    .onConstructorInvocation(implementation.getConstructor(Database.class)).test(hints), repository);
            assertTrue(RuntimeHintsPredicates.resource()
                    .forResource(QuarryRepositoriesRegistrar.FOLDER + repository).test(hints), repository);
        }
        // a Java 21 method, named without reflection so that the hint is written on Java 17 too
        assertTrue(hints.reflection().getTypeHint(Executors.class).methods().anyMatch(method ->
                method.getName().equals("newVirtualThreadPerTaskExecutor")
                        && method.getMode() == ExecutableMode.INVOKE));
        // db.explain's recording proxies
        assertTrue(RuntimeHintsPredicates.proxies().forInterfaces(Connection.class).test(hints));
        assertTrue(RuntimeHintsPredicates.reflection()
                .onMethodInvocation(PreparedStatement.class.getMethod("executeQuery")).test(hints));
    }

    /**
     * What Boot's AOT processor does with an application at build time: runs it up to the point
     * where its context is loaded but not refreshed, then generates code from that context.
     */
    private static ClassName processAheadOfTime(TestGenerationContext generated) {
        SpringApplication application = new SpringApplication(NotesApplication.class);
        application.setDefaultProperties(Map.of("spring.main.banner-mode", "off"));
        GenericApplicationContext[] loaded = new GenericApplicationContext[1];
        SpringApplicationHook hook = app -> new SpringApplicationRunListener() {
            @Override
            public void contextLoaded(ConfigurableApplicationContext context) {
                loaded[0] = (GenericApplicationContext) context;
                throw new SpringApplication.AbandonedRunException(context);
            }
        };
        System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
        try {
            assertThrows(SpringApplication.AbandonedRunException.class,
                    () -> SpringApplication.withHook(hook, () -> application.run()));
            ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(loaded[0], generated);
            generated.writeGeneratedContent();
            return initializer;
        } finally {
            System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
        }
    }

    /**
     * A compiler of what AOT wrote: its sources, resources and classes, as {@code TestGenerationContext}
     * hands them over, less empty resources, which {@code ResourceFile} refuses (Boot writes
     * {@code META-INF/spring/logback-pattern-rules} empty when there are no rules).
     */
    private static TestCompiler compiler(TestGenerationContext generated) {
        InMemoryGeneratedFiles files = generated.getGeneratedFiles();
        List<SourceFile> sources = new ArrayList<>();
        files.getGeneratedFiles(Kind.SOURCE).forEach((path, content) -> sources.add(SourceFile.of(content)));
        List<ResourceFile> resources = new ArrayList<>();
        files.getGeneratedFiles(Kind.RESOURCE).forEach((path, content) -> {
            byte[] bytes = bytes(content);
            if (bytes.length > 0) {
                resources.add(ResourceFile.of(path, bytes));
            }
        });
        List<ClassFile> classes = new ArrayList<>();
        files.getGeneratedFiles(Kind.CLASS).forEach((path, content) ->
                classes.add(ClassFile.of(ClassFile.toClassName(path), content)));
        return TestCompiler.forSystem().withSources(sources).withResources(resources).withClasses(classes);
    }

    private static byte[] bytes(InputStreamSource content) {
        try (InputStream in = content.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> listedRepositories() throws IOException {
        List<String> names = new ArrayList<>();
        for (Resource entry : new PathMatchingResourcePatternResolver().getResources(QuarryRepositoriesRegistrar.INDEX)) {
            try (InputStream in = entry.getInputStream()) {
                names.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        }
        return names;
    }
}
