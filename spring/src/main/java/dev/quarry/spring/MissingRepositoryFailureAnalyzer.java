package dev.quarry.spring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing bean whose type is a Quarry {@code @Repository}: its implementation was not
 * generated, nearly always because quarry-processor is not on the annotation processor path.
 */
public final class MissingRepositoryFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {
    /** How {@code @Repository} appears in a class file; it is kept there, not at run time. */
    private static final byte[] ANNOTATION = "Ldev/quarry/annotations/Repository;".getBytes(StandardCharsets.UTF_8);

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        Class<?> type = cause.getBeanType();
        if (type == null || !annotated(type)) {
            return null;
        }
        String implementation = QuarryRepositoryFactoryBean.implementationName(type);
        boolean generated = type.getClassLoader() != null
                && type.getClassLoader().getResource(implementation.replace('.', '/') + ".class") != null;
        String description = generated
                ? type.getName() + " is a Quarry @Repository and " + implementation + " exists, but no "
                        + "META-INF/quarry/repositories/" + type.getName() + " lists it, so no bean was registered."
                : type.getName() + " is a Quarry @Repository, but its implementation " + implementation
                        + " was not generated.";
        String action = generated
                ? "Rebuild the module that holds " + type.getSimpleName() + " with the quarry-processor of the "
                        + "same version as quarry-spring."
                : "Add quarry-processor to the annotationProcessorPaths of the maven-compiler-plugin (JDK 23+ "
                        + "runs only the processors named there; in Gradle: annotationProcessor "
                        + "'dev.quarry:quarry-processor'), then rebuild.";
        return new FailureAnalysis(description, action, cause);
    }

    private static boolean annotated(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return false;
        }
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in != null && contains(in.readAllBytes(), ANNOTATION);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
