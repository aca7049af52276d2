package dev.quarry.processor.diag;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports a problem: against the element (and the annotation and its
 * value where there is one), and then it carries on, so one compilation shows every error.
 */
public final class Reporter {
    private final Messager messager;
    private int errors;
    /** The elements errors were reported on, with the methods enclosing a reported parameter. */
    private final Set<Element> erroneous = new HashSet<>();

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    public void report(Message message, Element element, Object... args) {
        count(message, element);
        messager.printMessage(message.kind(), message.format(args), element);
    }

    public void report(Message message, Element element, AnnotationMirror annotation, Object... args) {
        count(message, element);
        messager.printMessage(message.kind(), message.format(args), element, annotation);
    }

    public void report(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
                       Object... args) {
        count(message, element);
        messager.printMessage(message.kind(), message.format(args), element, annotation, value);
    }

    private void count(Message message, Element element) {
        if (message.kind() == Diagnostic.Kind.ERROR) {
            errors++;
            if (element != null) {
                erroneous.add(element);
                if (element.getKind() == ElementKind.PARAMETER) {
                    erroneous.add(element.getEnclosingElement());
                }
            }
        }
    }

    /** Whether an error was reported on {@code element} (or on one of its parameters, for a method). */
    public boolean hasErrorOn(Element element) {
        return erroneous.contains(element);
    }

    /** Errors reported so far; a stage compares it before and after to know if it found any. */
    public int errorCount() {
        return errors;
    }
}
