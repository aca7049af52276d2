package dev.quarry.processor.parse;

import com.palantir.javapoet.ClassName;
import dev.quarry.annotations.Query;
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
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a {@code @Repository} type into a {@link RepositoryModel}. */
public final class RepositoryParser {
    private final Elements elements;
    private final Reporter reporter;
    private final QueryMethodParser methods;
    private final BulkMethodParser bulkMethods;

    public RepositoryParser(Elements elements, Types types, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
        this.methods = new QueryMethodParser(new TypeMapper(types), reporter);
        this.bulkMethods = new BulkMethodParser(new TypeMapper(types), reporter);
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
        if (!isInterface && !hasNoArgConstructor(type)) {
            reporter.report(Message.REPOSITORY_NO_CONSTRUCTOR, type, simpleNames);
        }

        List<MethodModel> models = new ArrayList<>();
        Map<String, Integer> constants = new HashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
                continue;
            }
            String label = simpleNames + "." + method.getSimpleName();
            boolean bulk = BulkMethodParser.applies(method);
            if (!bulk && method.getAnnotation(Query.class) == null) {
                reporter.report(Message.METHOD_WITHOUT_QUERY, method.getEnclosingElement().equals(type) ? method : type,
                        label);
                continue;
            }
            String constant = constantName(method.getSimpleName().toString());
            int seen = constants.merge(constant, 1, Integer::sum);
            if (bulk) {
                bulkMethods.parse(method, label, seen == 1 ? constant : constant + "_" + seen).ifPresent(models::add);
                continue;
            }
            methods.parse(method, label, seen == 1 ? constant : constant + "_" + seen).ifPresent(models::add);
        }
        if (reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        ClassName name = ClassName.get(type);
        ClassName implementation = ClassName.get(name.packageName(), simpleNames.replace('.', '_') + "_Impl");
        return Optional.of(new RepositoryModel(type, name, implementation, isInterface, List.copyOf(models)));
    }

    private static boolean hasNoArgConstructor(TypeElement type) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
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

    /** {@code findByEmail} → {@code FIND_BY_EMAIL}. */
    static String constantName(String method) {
        return TypeMapper.snakeCase(method).toUpperCase(Locale.ROOT);
    }
}
