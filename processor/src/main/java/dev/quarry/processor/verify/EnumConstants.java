package dev.quarry.processor.verify;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.verify.Describer.EnumLabels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Holds a Java enum to the PostgreSQL enum it is read from or bound to: the runtime sends
 * {@code name()} and reads with {@code Enum.valueOf}, so a constant without a label cannot be
 * written (an error), and a label without a constant cannot be read (a warning: the rows may
 * never hold it).
 */
final class EnumConstants {
    private final Describer describer;
    private final Findings findings;
    private final Elements elements;
    /** Each method, Java enum and PostgreSQL type is compared once, however often the statement uses them. */
    private final Set<List<String>> compared = new HashSet<>();

    EnumConstants(Describer describer, Findings findings, Elements elements) {
        this.describer = describer;
        this.findings = findings;
        this.elements = elements;
    }

    /**
     * Compares {@code javaEnum} with the labels of {@code pgType} (an enum, or an array of one:
     * {@code _mood}); {@code reads} whether rows are read into it (else it is only bound).
     */
    void check(String label, ExecutableElement element, TypeName javaEnum, String pgType, boolean reads)
            throws VerificationUnavailable {
        String type = pgType.startsWith("_") ? pgType.substring(1) : pgType;
        if (!(javaEnum instanceof ClassName name) || !compared.add(List.of(label, name.canonicalName(), type,
                String.valueOf(reads)))) {
            return;
        }
        TypeElement enumType = elements.getTypeElement(name.canonicalName());
        // a snapshot from before enum labels were recorded, or a type PostgreSQL cannot name: nothing to compare
        if (enumType == null || !(describer.enumLabels(type) instanceof EnumLabels found)) {
            return;
        }
        List<String> constants = enumType.getEnclosedElements().stream()
                .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                .map(Element::getSimpleName).map(Object::toString).toList();
        List<String> unlabelled = constants.stream().filter(c -> !found.labels().contains(c)).toList();
        String java = ResultColumns.javaType(javaEnum);
        if (!unlabelled.isEmpty()) {
            findings.report(Message.VERIFY_ENUM_CONSTANT_WITHOUT_LABEL, element, label, java, unlabelled, type,
                    found.labels());
        }
        List<String> unread = found.labels().stream().filter(l -> !constants.contains(l)).toList();
        if (reads && !unread.isEmpty()) {
            findings.report(Message.VERIFY_ENUM_LABEL_WITHOUT_CONSTANT, element, label, type, unread, java, constants);
        }
    }
}
