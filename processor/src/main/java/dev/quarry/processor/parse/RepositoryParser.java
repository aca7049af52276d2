package dev.quarry.processor.parse;

import com.palantir.javapoet.ClassName;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Tree;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.MethodModel;
import dev.quarry.processor.model.RepositoryModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a {@code @Repository} type into a {@link RepositoryModel}. */
public final class RepositoryParser {
    private static final String DATABASE = "dev.quarry.runtime.Database";
    private final Elements elements;
    private final Reporter reporter;
    private final QueryMethodParser methods;
    private final KeyedWriteParser keyedWrites;
    private final TransactionalMethodParser transactionalMethods;
    private final BulkMethodParser bulkMethods;

    public RepositoryParser(Elements elements, Types types, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
        this.methods = new QueryMethodParser(new TypeMapper(types), reporter);
        this.transactionalMethods = new TransactionalMethodParser(types, elements, reporter);
        this.bulkMethods = new BulkMethodParser(new TypeMapper(types), reporter);
        this.keyedWrites = new KeyedWriteParser(new TypeMapper(types), reporter);
    }

    public Optional<RepositoryModel> parse(TypeElement type) {
        int errorsBefore = reporter.errorCount();
        boolean isInterface = type.getKind() == ElementKind.INTERFACE;
        if (!isInterface && !(type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT))) {
            reporter.report(Message.REPOSITORY_NOT_ABSTRACT, type);
            return Optional.empty();
        }
        String simpleNames = simpleNames(type);
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            reporter.report(Message.REPOSITORY_PRIVATE, type, simpleNames);
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !isInterface && !type.getModifiers().contains(Modifier.STATIC)) {
            reporter.report(Message.REPOSITORY_INNER_CLASS, type, simpleNames);
        }
        if (!type.getTypeParameters().isEmpty()) {
            reporter.report(Message.REPOSITORY_GENERIC, type, simpleNames);
        }
        boolean passesDatabase = !isInterface && hasConstructor(type, true);
        if (!isInterface && !passesDatabase && !hasConstructor(type, false)) {
            reporter.report(Message.REPOSITORY_NO_CONSTRUCTOR, type, simpleNames);
        }

        List<MethodModel> models = new ArrayList<>();
        List<ExecutableElement> members = ElementFilter.methodsIn(elements.getAllMembers(type));
        Map<ExecutableElement, String> constants = constantStems(members);
        for (ExecutableElement method : members) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
                transactionalMethods.parse(type, method, simpleNames + "." + method.getSimpleName(),
                        constants.get(method)).ifPresent(models::add);
                continue;
            }
            String label = simpleNames + "." + method.getSimpleName();
            boolean bulk = BulkMethodParser.applies(method);
            List<String> kinds = kinds(method);
            if (kinds.isEmpty()) {
                reporter.report(Message.METHOD_WITHOUT_QUERY, method.getEnclosingElement().equals(type) ? method : type,
                        label);
                continue;
            }
            if (kinds.size() > 1) {
                reporter.report(Message.BULK_CONFLICTING_ANNOTATIONS, method, label, kinds.get(0), kinds.get(1));
                continue;
            }
            String constant = constants.get(method);
            if (KeyedWriteParser.applies(method)) {
                keyedWrites.parse(method, label, constant).ifPresent(models::add);
                continue;
            }
            if (bulk) {
                bulkMethods.parse(method, label, constant).ifPresent(models::add);
                continue;
            }
            methods.parse(method, label, constant, transactionalMethods.settings(type, method, label))
                    .ifPresent(models::add);
        }
        ClassName name = ClassName.get(type);
        ClassName implementation = ClassName.get(name.packageName(), simpleNames.replace('.', '_') + "_Impl");
        return Optional.of(new RepositoryModel(type, name, implementation, isInterface, List.copyOf(models),
                passesDatabase));
    }

    /** The annotations that say what kind of statement {@code method} is; a {@code @Batch} runs its {@code @Query}. */
    private static List<String> kinds(ExecutableElement method) {
        List<String> kinds = new ArrayList<>();
        for (Class<? extends java.lang.annotation.Annotation> kind : List.of(dev.quarry.annotations.Insert.class,
                dev.quarry.annotations.Upsert.class, dev.quarry.annotations.Batch.class, dev.quarry.annotations.Update.class,
                dev.quarry.annotations.Delete.class, dev.quarry.annotations.Find.class, Tree.class, Query.class)) {
            if (method.getAnnotation(kind) != null) {
                kinds.add(kind.getSimpleName());
            }
        }
        if (kinds.contains("Batch")) {
            kinds.remove("Query");
        }
        return kinds;
    }

    /**
     * Whether {@code type} has a non-private constructor the implementation can call: with no
     * argument, or (when {@code database}) with one {@code dev.quarry.runtime.Database}, through
     * which the class reaches other repositories.
     */
    private static boolean hasConstructor(TypeElement type, boolean database) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getModifiers().contains(Modifier.PRIVATE)) {
                continue;
            }
            List<? extends VariableElement> parameters = constructor.getParameters();
            if (!database && parameters.isEmpty()) {
                return true;
            }
            if (database && parameters.size() == 1 && parameters.get(0).asType().toString().equals(DATABASE)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Outer.Inner} for a nested type, the simple name otherwise. */
    private static String simpleNames(TypeElement type) {
        String names = type.getSimpleName().toString();
        for (var outer = type.getEnclosingElement(); outer instanceof TypeElement t; outer = t.getEnclosingElement()) {
            names = t.getSimpleName() + "." + names;
        }
        return names;
    }

    /**
     * The stem of each method's generated constants ({@code FIND_BY_EMAIL}, then {@code FIND_BY_EMAIL_SQL}
     * and the like). Every derived name is the stem, an underscore and more, so two stems clash
     * exactly when one equals the other or starts with it and an underscore ({@code FIND} and
     * {@code FIND_SQL}, {@code ALL} and {@code ALL_ORDERS}); the shorter one then takes a number.
     */
    static Map<ExecutableElement, String> constantStems(List<ExecutableElement> methods) {
        Map<ExecutableElement, String> stems = new java.util.LinkedHashMap<>();
        for (ExecutableElement method : methods) {
            stems.put(method, constantName(method.getSimpleName().toString()));
        }
        Set<String> taken = new java.util.HashSet<>();
        Map<ExecutableElement, String> unique = new java.util.LinkedHashMap<>();
        for (Map.Entry<ExecutableElement, String> entry : stems.entrySet()) {
            String stem = entry.getValue();
            String candidate = stem;
            for (int n = 2; clashes(candidate, entry.getKey(), stems, taken); n++) {
                candidate = stem + n;
            }
            taken.add(candidate);
            unique.put(entry.getKey(), candidate);
        }
        return unique;
    }

    private static boolean clashes(String candidate, ExecutableElement owner, Map<ExecutableElement, String> stems,
                                   Set<String> taken) {
        for (String other : taken) {
            if (other.equals(candidate) || other.startsWith(candidate + "_") || candidate.startsWith(other + "_")) {
                return true;
            }
        }
        for (Map.Entry<ExecutableElement, String> entry : stems.entrySet()) {
            String other = entry.getValue();
            // the longer stem keeps its name and the shorter yields, so this always ends
            if (entry.getKey() != owner && other.startsWith(candidate + "_")) {
                return true;
            }
        }
        return false;
    }

    /** {@code findByEmail} → {@code FIND_BY_EMAIL}. */
    static String constantName(String method) {
        return TypeMapper.snakeCase(method).toUpperCase(Locale.ROOT);
    }
}
