package dev.quarry.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.quarry.annotations.Transactional;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.TransactionModel;
import dev.quarry.processor.model.TransactionalMethodModel;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads {@code @Transactional}, on a method or on its repository type. */
final class TransactionalMethodParser {
    private final Types types;
    private final Elements elements;
    private final Reporter reporter;

    TransactionalMethodParser(Types types, Elements elements, Reporter reporter) {
        this.types = types;
        this.elements = elements;
        this.reporter = reporter;
    }

    /** The settings that apply to {@code method}: its own annotation, else its repository's, else none. */
    TransactionModel settings(TypeElement repository, ExecutableElement method, String label) {
        Transactional annotation = method.getAnnotation(Transactional.class);
        if (annotation == null) {
            annotation = repository.getAnnotation(Transactional.class);
        }
        if (annotation == null) {
            return null;
        }
        if (annotation.retries() < 0) {
            reporter.report(Message.TRANSACTIONAL_RETRIES, method, label, annotation.retries());
            return null;
        }
        return new TransactionModel(annotation.isolation(), annotation.readOnly(), annotation.retries());
    }

    /**
     * A concrete method the implementation wraps in a transaction, of an abstract repository class
     * or a default method of a repository interface: one annotated itself, or any overridable one
     * declared by a repository annotated on the type.
     */
    Optional<TransactionalMethodModel> parse(TypeElement repository, ExecutableElement method, String label,
                                             String constant) {
        boolean own = method.getAnnotation(Transactional.class) != null;
        boolean declaredHere = method.getEnclosingElement().equals(repository);
        if (!own && !(declaredHere && repository.getAnnotation(Transactional.class) != null)) {
            return Optional.empty();
        }
        Set<Modifier> modifiers = method.getModifiers();
        boolean isInterface = repository.getKind() == ElementKind.INTERFACE;
        if (modifiers.contains(Modifier.PRIVATE) || modifiers.contains(Modifier.STATIC)
                || modifiers.contains(Modifier.FINAL) || method.getKind() != ElementKind.METHOD
                || (isInterface && !modifiers.contains(Modifier.DEFAULT))) {
            if (own) {
                reporter.report(Message.TRANSACTIONAL_NOT_OVERRIDABLE, method, label);
            }
            return Optional.empty();
        }
        TransactionModel settings = settings(repository, method, label);
        if (settings == null) {
            return Optional.empty();
        }
        Modifier visibility = modifiers.contains(Modifier.PUBLIC) ? Modifier.PUBLIC
                : modifiers.contains(Modifier.PROTECTED) ? Modifier.PROTECTED : null;
        return Optional.of(new TransactionalMethodModel(method, method.getSimpleName().toString(), label, constant,
                visibility,
                method.getParameters().stream().map(VariableElement::asType).map(TypeName::get).toList(),
                method.getParameters().stream().map(p -> p.getSimpleName().toString()).toList(),
                method.isVarArgs(), TypeName.get(method.getReturnType()),
                method.getThrownTypes().stream().map(TypeName::get).toList(),
                method.getThrownTypes().stream().filter(this::checked).map(TypeName::get).toList(),
                isInterface ? TypeName.get(types.erasure(repository.asType())) : null, settings));
    }

    private boolean checked(TypeMirror thrown) {
        return !types.isSubtype(thrown, type("java.lang.RuntimeException"))
                && !types.isSubtype(thrown, type("java.lang.Error"));
    }

    private TypeMirror type(String name) {
        return elements.getTypeElement(name).asType();
    }
}
