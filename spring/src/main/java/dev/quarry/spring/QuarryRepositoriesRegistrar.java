package dev.quarry.spring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Registers every generated repository on the class path as a singleton bean of its repository
 * type, created by the context's {@link dev.quarry.runtime.Database}. The repositories come from the
 * resources the processor writes, {@code META-INF/quarry/repositories/<binary name>}, one per
 * repository: no class is scanned.
 */
public final class QuarryRepositoriesRegistrar implements ImportBeanDefinitionRegistrar, ResourceLoaderAware {
    /** The folder quarry-processor writes to (its {@code RepositoryIndex}). */
    static final String FOLDER = "META-INF/quarry/repositories/";

    static final String INDEX = "classpath*:" + FOLDER + "*";

    private ResourceLoader resourceLoader;

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        for (Class<?> type : listed(resourceLoader)) {
            registry.registerBeanDefinition(uniqueName(registry, type), definition(type));
        }
    }

    /** The repositories the index on {@code resourceLoader}'s class path lists, each once. */
    static Set<Class<?>> listed(ResourceLoader resourceLoader) {
        ClassLoader classLoader = resourceLoader.getClassLoader();
        // one repository may be listed twice, by two class path entries that hold the same module
        Set<Class<?>> listed = new LinkedHashSet<>();
        for (Resource entry : index(resourceLoader)) {
            String name = read(entry);
            try {
                listed.add(ClassUtils.forName(name, classLoader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("Quarry's repository index " + entry + " names " + name
                        + ", which is not on the class path: rebuild the module that holds it", e);
            }
        }
        return listed;
    }

    /**
     * A {@link QuarryRepositoryFactoryBean} of {@code type}, the {@code Database} autowired: no
     * instance supplier, which Spring's AOT engine could not write out as code.
     */
    private static RootBeanDefinition definition(Class<?> type) {
        RootBeanDefinition definition = new RootBeanDefinition(QuarryRepositoryFactoryBean.class);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, type);
        definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        // the repository type without creating the factory (and the Database) to ask it; the
        // attribute serves a context that reads this definition, the target type the code AOT writes
        definition.setTargetType(ResolvableType.forClassWithGenerics(QuarryRepositoryFactoryBean.class, type));
        definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, type);
        return definition;
    }

    private static Resource[] index(ResourceLoader resourceLoader) {
        try {
            return new PathMatchingResourcePatternResolver(resourceLoader).getResources(INDEX);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list Quarry's repository index " + INDEX + ": " + e.getMessage(), e);
        }
    }

    private static String read(Resource entry) {
        try (InputStream in = entry.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Quarry's repository index " + entry + ": " + e.getMessage(), e);
        }
    }

    /** {@code userRepository} for {@code UserRepository}, {@code catalog.Tags} for a nested {@code Catalog.Tags}. */
    private static String beanName(Class<?> type) {
        return StringUtils.uncapitalize(ClassUtils.getShortName(type));
    }

    /** The short bean name, or the binary name when another bean has the short one. */
    private static String uniqueName(BeanDefinitionRegistry registry, Class<?> type) {
        String name = beanName(type);
        return registry.containsBeanDefinition(name) ? type.getName() : name;
    }
}
