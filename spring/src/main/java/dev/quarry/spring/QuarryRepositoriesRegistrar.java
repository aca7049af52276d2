package dev.quarry.spring;

import dev.quarry.runtime.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Registers every generated repository on the class path as a singleton bean of its repository
 * type, created by the context's {@link Database}. The repositories come from the resources the
 * processor writes, {@code META-INF/quarry/repositories/<binary name>}, one per repository: no class
 * is scanned.
 */
public final class QuarryRepositoriesRegistrar
        implements ImportBeanDefinitionRegistrar, BeanFactoryAware, ResourceLoaderAware {
    /** The folder quarry-processor writes to (its {@code RepositoryIndex}). */
    static final String INDEX = "classpath*:META-INF/quarry/repositories/*";

    private BeanFactory beanFactory;
    private ResourceLoader resourceLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        ClassLoader classLoader = resourceLoader.getClassLoader();
        // one repository may be listed twice, by two class path entries that hold the same module
        Set<Class<?>> registered = new HashSet<>();
        for (Resource entry : index()) {
            String name = read(entry);
            Class<?> type;
            try {
                type = ClassUtils.forName(name, classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("Quarry's repository index " + entry + " names " + name
                        + ", which is not on the class path: rebuild the module that holds it", e);
            }
            if (registered.add(type)) {
                registry.registerBeanDefinition(uniqueName(registry, type), definition(type));
            }
        }
    }

    private <T> RootBeanDefinition definition(Class<T> type) {
        RootBeanDefinition definition = new RootBeanDefinition(type);
        // looked up when the bean is created, so an application's own Database bean is the one used
        definition.setInstanceSupplier(() -> beanFactory.getBean(Database.class).repository(type));
        return definition;
    }

    private Resource[] index() {
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
