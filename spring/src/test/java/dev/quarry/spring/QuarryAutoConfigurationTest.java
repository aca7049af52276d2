package dev.quarry.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.spring.app.Notes;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.BeansException;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What the auto-configuration makes, what it leaves to the application, and how it fails. */
@PostgresTest
class QuarryAutoConfigurationTest {
    private static TestDatabase database;

    @BeforeAll
    static void schema(TestDatabase testDatabase) {
        database = testDatabase;
        database.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)");
    }

    /** A context of {@code configurations} and Quarry's auto-configuration, nothing else. */
    private static ConfigurableApplicationContext run(Class<?>... configurations) {
        Class<?>[] sources = Arrays.copyOf(configurations, configurations.length + 1);
        sources[configurations.length] = QuarryAutoConfigurationOnly.class;
        return new SpringApplicationBuilder(sources).properties("spring.main.banner-mode=off").run();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(QuarryAutoConfiguration.class)
    static class QuarryAutoConfigurationOnly {}

    @Configuration(proxyBeanMethods = false)
    static class OneDataSource {
        @Bean
        DataSource dataSource() {
            return database.dataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDatabase {
        static final Database OWN = Database.of(database.dataSource());

        @Bean
        Database myDatabase() {
            return OWN;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource first() {
            return database.dataSource();
        }

        @Bean
        DataSource second() {
            return database.dataSource();
        }
    }

    @Test
    void makesADatabaseAndTheRepositoriesOverTheOneDataSource() {
        try (ConfigurableApplicationContext context = run(OneDataSource.class)) {
            Database db = context.getBean(Database.class);
            assertSame(context.getBean(DataSource.class), db.dataSource());
            Notes notes = context.getBean(Notes.class);
            assertEquals(0, notes.all().size());
        }
    }

    @Test
    void anApplicationsOwnDatabaseIsTheOneRepositoriesUse() {
        try (ConfigurableApplicationContext context = run(OneDataSource.class, OwnDatabase.class)) {
            assertEquals(List.of("myDatabase"), List.of(context.getBeanNamesForType(Database.class)));
            assertSame(OwnDatabase.OWN.repository(Notes.class), context.getBean(Notes.class));
        }
    }

    @Test
    void twoDataSourcesWithoutAPrimaryFailWithSpringsOwnMessage() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> run(TwoDataSources.class));
        String messages = chain(failure);
        assertTrue(messages.contains("expected single matching bean but found 2: first,second"), messages);
        assertTrue(failure instanceof BeansException, failure.getClass().getName());
    }

    @Test
    void plainSpringTakesOneImport() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(OneDataSource.class, PlainApplication.class);
            context.refresh();
            assertEquals(0, context.getBean(Notes.class).all().size());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(QuarryConfiguration.class)
    static class PlainApplication {}

    @Test
    void aRepositoryWhoseImplementationWasNotGeneratedIsExplained(@TempDir Path dir) throws Exception {
        // compiled without the processor, as in a build whose annotationProcessorPaths lack it
        Path source = dir.resolve("shop/Orders.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package shop;\n@dev.quarry.annotations.Repository\npublic interface Orders {}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-proc:none", "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString()));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> orders = loader.loadClass("shop.Orders");
            NoSuchBeanDefinitionException missing = new NoSuchBeanDefinitionException(orders);

            FailureAnalysis analysis = new MissingRepositoryFailureAnalyzer().analyze(missing);

            assertEquals("shop.Orders is a Quarry @Repository, but its implementation shop.Orders_Impl was not "
                    + "generated.", analysis.getDescription());
            assertTrue(analysis.getAction().startsWith("Add quarry-processor to the annotationProcessorPaths"),
                    analysis.getAction());
        }
    }

    @Test
    void aMissingBeanOfAnotherTypeIsLeftToSpring() {
        assertNull(new MissingRepositoryFailureAnalyzer().analyze(new NoSuchBeanDefinitionException(Runnable.class)));
        assertNull(new MissingRepositoryFailureAnalyzer().analyze(new NoSuchBeanDefinitionException(OneDataSource.class)));
    }

    private static String chain(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

}
