package dev.quarry.processor.verify;

import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import java.lang.annotation.Annotation;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports what verification finds through the {@link Reporter}, except that with
 * {@code quarry.verify.mode=warn} an error of the catalog is printed as a warning with the same
 * text (the Reporter gives each message one kind, and a warning needs no error count).
 */
final class Findings {
    private final Reporter reporter;
    private final Messager messager;
    private final boolean warnOnly;

    Findings(Reporter reporter, Messager messager, boolean warnOnly) {
        this.reporter = reporter;
        this.messager = messager;
        this.warnOnly = warnOnly;
    }

    void report(Message message, Element element, Object... args) {
        if (downgraded(message)) {
            messager.printMessage(Diagnostic.Kind.WARNING, message.format(args), element);
        } else {
            reporter.report(message, element, args);
        }
    }

    /**
     * Against {@code annotation}'s {@code attribute} on {@code element} (the annotation alone when
     * {@code attribute} is null), or the element when {@code annotation} is null or absent.
     */
    void reportOn(Message message, Element element, Class<? extends Annotation> annotation, String attribute,
                  Object... args) {
        AnnotationMirror mirror = annotation == null ? null : mirror(element, annotation);
        if (mirror == null) {
            report(message, element, args);
            return;
        }
        AnnotationValue value = attribute == null ? null : value(mirror, attribute);
        if (downgraded(message)) {
            messager.printMessage(Diagnostic.Kind.WARNING, message.format(args), element, mirror, value);
        } else if (value == null) {
            reporter.report(message, element, mirror, args);
        } else {
            reporter.report(message, element, mirror, value, args);
        }
    }

    private boolean downgraded(Message message) {
        return warnOnly && message.kind() == Diagnostic.Kind.ERROR;
    }

    private static AnnotationMirror mirror(Element element, Class<? extends Annotation> type) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotation.getQualifiedName().contentEquals(type.getCanonicalName())) {
                return mirror;
            }
        }
        return null;
    }

    private static AnnotationValue value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
