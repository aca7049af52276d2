package dev.quarry.spring;

import dev.quarry.runtime.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * What Quarry reaches by reflection, for a native image built from Spring's AOT processing: the
 * constructor of each listed repository's generated {@code _Impl}, which {@code Database.repository}
 * calls; the processor's index resources; the JDK's virtual-thread executor, which the runtime
 * looks up reflectively so that it also runs on Java 17; and the JDBC proxies of {@code db.explain}.
 */
final class RepositoryRuntimeHints implements BeanFactoryInitializationAotProcessor {
    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        // the index rather than the beans: an application that makes its repositories itself
        // (db.repository, without the registrar) needs the same hints
        Set<Class<?>> repositories = QuarryRepositoriesRegistrar.listed(
                new DefaultResourceLoader(beanFactory.getBeanClassLoader()));
        return (generationContext, code) -> register(generationContext.getRuntimeHints(), repositories);
    }

    static void register(RuntimeHints hints, Set<Class<?>> repositories) {
        for (Class<?> repository : repositories) {
            hints.reflection().registerType(
                    TypeReference.of(QuarryRepositoryFactoryBean.implementationName(repository)),
                    type -> type.withConstructor(List.of(TypeReference.of(Database.class)), ExecutableMode.INVOKE));
        }
        hints.resources().registerPattern(QuarryRepositoriesRegistrar.FOLDER + "*");
        hints.reflection().registerType(Executors.class,
                type -> type.withMethod("newVirtualThreadPerTaskExecutor", List.of(), ExecutableMode.INVOKE));
        for (Class<?> jdbc : List.of(Connection.class, Statement.class, PreparedStatement.class)) {
            hints.proxies().registerJdkProxy(jdbc);
            hints.reflection().registerType(jdbc, MemberCategory.INVOKE_PUBLIC_METHODS);
        }
    }
}
